// The command line bundle's `pako` (webpack.cli.config.js): JSZip (under ExcelJS and our own .xlsx fixes) deflates
// with Node's zlib, written in C, instead of pako's JavaScript, which a fresh process runs slowly before the JIT
// warms up (about 150 ms for one workbook). Only the part of pako's Deflate that jszip/lib/flate.js uses:
// new Deflate({ raw: true, level }), onData, then push(chunk, false) for each chunk and push([], true) to finish.
// Inflate stays pako's. The task pane keeps pako: this file is only in the Node bundle.
"use strict";

const zlib = require("zlib");
const pako = require("pako/index.js");

class Deflate {
  constructor(options) {
    if (!options || options.raw !== true) throw new Error("The command line's Deflate only writes raw deflate");
    this.level = options.level;
    this.chunks = [];
    this.onData = () => {};
  }

  push(data, last) {
    if (data.length > 0) this.chunks.push(Buffer.from(data));
    if (last === true) {
      const deflated = zlib.deflateRawSync(Buffer.concat(this.chunks), { level: this.level });
      this.chunks = [];
      this.onData(new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length));
    } else if (last !== false) {
      throw new Error(`The command line's Deflate has no flush mode ${last}`);
    }
    return true;
  }
}

module.exports = { ...pako, Deflate };
