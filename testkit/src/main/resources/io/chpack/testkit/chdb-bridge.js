'use strict';
// The node side of io.chpack.testkit.ChDb: one long-lived process holding the chDB engine (ClickHouse 26.x
// in-process), answering requests from the JVM one at a time.
//
//   argv[2]  the chdb package directory (…/node_modules/chdb)
//   stdin    one JSON object per line: {"id": N, "sql": "...", "format": "RowBinary"|null, "outFile": "/abs"|null}
//   stdout   frames only: a header line, then exactly LEN payload bytes
//              CHDB1 <id> READY <len>\n<engine version>              (once, after the engine answered a query)
//              CHDB1 <id> OK <len> <elapsed µs>\n<result bytes>      (outFile: the result went there, len 0)
//              CHDB1 <id> ERR <code> <len>\n<UTF-8 message>          (code: the ClickHouse error code, 0 if none)
//   stderr   diagnostics (the JVM appends them to chdb-bridge.log)
// End of stdin ends the process. Anything that prints to stdout outside a frame is skipped by the reader
// (it looks for the CHDB1 marker), so console.log is sent to stderr here anyway.
const fs = require('fs');
const readline = require('readline');

console.log = (...a) => console.error(...a);
console.info = console.log;

function frame(header, payload) {
  const body = payload || Buffer.alloc(0);
  process.stdout.write(Buffer.concat([Buffer.from('CHDB1 ' + header + '\n', 'utf8'), body]));
}

function errorFrame(id, e) {
  const code = e && Number.isInteger(e.clickhouseCode) ? e.clickhouseCode : 0;
  const msg = Buffer.from(String(e && e.message !== undefined ? e.message : e), 'utf8');
  frame(id + ' ERR ' + code + ' ' + msg.length, msg);
}

let chdb;
try {
  chdb = require(process.argv[2]);
} catch (e) {
  errorFrame(0, 'cannot load chdb from ' + process.argv[2] + ': ' + (e && e.stack || e));
  process.exit(3);
}

async function run(req) {
  const t0 = process.hrtime.bigint();
  const opts = req.format ? { format: req.format } : {};
  const result = await chdb.queryAsync(req.sql, opts);
  const bytes = Buffer.from(result.bytes());
  const micros = (process.hrtime.bigint() - t0) / 1000n;
  if (req.outFile) {
    fs.writeFileSync(req.outFile, bytes, { flag: 'wx' }); // never overwrite: fresh names only
    frame(req.id + ' OK 0 ' + micros);
  } else {
    frame(req.id + ' OK ' + bytes.length + ' ' + micros, bytes);
  }
}

let queue = Promise.resolve();

function onLine(line) {
  if (line.trim() === '') {
    return;
  }
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    errorFrame(-1, 'bad request line: ' + e.message);
    return;
  }
  // Strictly one at a time, in order: the JVM matches answers by id but never pipelines.
  queue = queue.then(() => run(req)).catch((e) => errorFrame(req.id, e));
}

(async () => {
  let version;
  try {
    version = (await chdb.queryAsync('SELECT version()', { format: 'TSVRaw' })).text().trim();
  } catch (e) {
    errorFrame(0, e);
    process.exit(4);
  }
  const v = Buffer.from(version, 'utf8');
  frame('0 READY ' + v.length, v);
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  rl.on('line', onLine);
  rl.on('close', () => {
    queue.then(() => process.exit(0));
  });
})();
