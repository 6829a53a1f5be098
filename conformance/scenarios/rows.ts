/** Every row of every operation's permission table, as the cases authorization checks iterate. */
import { applicableRows } from "../../src/contract/authorize.js";
import {
  operations,
  type ActingOn,
  type PermissionRow,
  type PermissionType,
  type TapOperation,
} from "../../src/spec/index.js";

export interface RowCase {
  op: TapOperation;
  actingOn: ActingOn;
  type: PermissionType;
  row: PermissionRow;
}

export function permissionRows(): RowCase[] {
  return operations.flatMap((op) => applicableRows(op).map((r) => ({ op, ...r })));
}
