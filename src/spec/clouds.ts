import { betaApi, clouds } from "../../generated/clouds.js";
import { UserError } from "../errors.js";
import type { CloudId, CloudInfo } from "./document.js";

export { betaApi, clouds };

/** Thrown for a cloud that does not exist or does not have the TAP API. */
export class CloudNotSupportedError extends UserError {
  override name = "CloudNotSupportedError";
}

/** The cloud with this id, refusing China (no TAP on v1.0 there) and unknown ids. */
export function tapCloud(id: string): CloudInfo & { id: CloudId } {
  const info = (clouds as Record<string, CloudInfo | undefined>)[id];
  if (!info) {
    const known = Object.keys(clouds)
      .filter((k) => clouds[k as CloudId].tapAvailable)
      .join(", ");
    throw new CloudNotSupportedError(`unknown cloud "${id}": expected one of ${known}`);
  }
  if (!info.tapAvailable) {
    throw new CloudNotSupportedError(
      `the Temporary Access Pass API is not available in the ${info.name} cloud ("${id}") on Graph v1.0`,
    );
  }
  return { id: id as CloudId, ...info };
}
