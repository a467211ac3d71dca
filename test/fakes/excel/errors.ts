/**
 * Errors the fake throws, shaped like OfficeExtension.Error: a `code` Office really uses
 * (PropertyNotLoaded, InvalidArgument, ItemNotFound, ItemAlreadyExists, InvalidOperation,
 * RequestPayloadSizeLimitExceeded) and a message, so code under test sees what it would see in Excel.
 */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

export const officeError = (code: string, message: string) => new FakeOfficeError(code, message);
