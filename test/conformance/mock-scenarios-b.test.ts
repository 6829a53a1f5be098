import { scenarioMatrix } from "./scenario-matrix.js";

scenarioMatrix(1);
