// node xliff_read.js FILE 12|21 — reads FILE with npm's xliff (xliff12ToJs
// or xliff2js, from NODE_PATH) and prints {"units","targets","empty"}:
// units read, units with a target, targets read as empty.
'use strict';
const fs = require('fs');
const xliff = require('xliff');
const text = fs.readFileSync(process.argv[2], 'utf8');
const read = process.argv[3] === '12' ? xliff.xliff12ToJs : xliff.xliff2js;
// inline elements come back as objects whose text is in `contents`
const flat = (v) => typeof v === 'string' ? v
  : Array.isArray(v) ? v.map(flat).join('')
  : v && typeof v === 'object'
    ? flat(Object.values(v).map((e) => (e && e.contents) || '')) : '';
read(text, (err, res) => {
  if (err) {
    console.error(String(err));
    process.exit(2);
  }
  let units = 0, targets = 0, empty = 0;
  for (const file of Object.values(res.resources))
    for (const unit of Object.values(file)) {
      units++;
      if (unit.target === undefined) continue;
      targets++;
      if (!flat(unit.target).trim()) empty++;
    }
  console.log(JSON.stringify({units, targets, empty}));
});
