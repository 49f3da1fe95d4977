'use strict';
// Checks the SDK's JSON Schemas with a second, independent validator.
//
//   go run ./examples/schemas -out DIR -fixtures examples/schemas/fixtures
//   node examples/schemas/ajv/check.js DIR examples/schemas/fixtures
//
// Loads every schema listed in DIR/index.json into one Ajv instance
// (draft 2020-12, formats asserted), so $refs between schemas resolve,
// then validates every fixture and requires ajv's verdict to be the one
// the fixture's directory (valid/ or invalid/) names and the one the Go
// validator gave (DIR/verdicts.json). Exits 1 on any disagreement.
// Nothing is special-cased: formats are ajv-formats' own, and where they
// are laxer than the SDK (a space for "T" or "+0100" in a date-time,
// ajv-formats issue #55) the schemas' patterns say so (money.schema.json's
// "instant").

const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function readJSON(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// fixtureFiles lists the .json files below dir, slash-separated and sorted.
function fixtureFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...fixtureFiles(dir, rel));
    else if (e.name.endsWith('.json')) out.push(rel);
  }
  return out.sort();
}

function word(valid) {
  return valid ? 'valid' : 'invalid';
}

// describe renders ajv's errors as "pointer: message", naming unknown
// properties at the property (RFC 6901 escaped) as the Go validator does.
function describe(errors) {
  return (errors || []).map((e) => {
    if (e.keyword === 'additionalProperties') {
      const name = e.params.additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1');
      return `"${e.instancePath}/${name}": unknown property`;
    }
    return `"${e.instancePath}": ${e.message}`;
  });
}

// newAjv compiles every schema into one draft 2020-12 instance with
// formats asserted and unknown keywords rejected (strict). Typing hints
// (strictTypes) and "required" naming properties declared elsewhere
// (strictRequired) are allowed: both are valid JSON Schema.
function newAjv(schemas) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  for (const schema of schemas) ajv.addSchema(schema);
  for (const schema of schemas) ajv.getSchema(schema.$id); // compiles, throwing on a schema ajv rejects
  return ajv;
}

function main([schemaDir, fixturesDir]) {
  if (!schemaDir || !fixturesDir) {
    console.error('usage: node check.js SCHEMA_DIR FIXTURES_DIR');
    return 2;
  }
  const index = readJSON(path.join(schemaDir, 'index.json'));
  const schemas = index.schemas.map(({ id, file }) => {
    const schema = readJSON(path.join(schemaDir, file));
    if (schema.$id !== id) throw new Error(`${file}: $id is ${schema.$id}, index.json says ${id}`);
    return schema;
  });
  const ajv = newAjv(schemas);

  const { fixtures } = readJSON(path.join(schemaDir, 'verdicts.json'));
  const judged = new Set(fixtures.map((f) => f.file));
  const problems = fixtureFiles(fixturesDir)
    .filter((file) => !judged.has(file))
    .map((file) => `${file}: on disk but not judged by the Go validator`);

  for (const f of fixtures) {
    const validate = ajv.getSchema(f.schema);
    if (!validate) {
      problems.push(`${f.file}: ajv does not know ${f.schema}`);
      continue;
    }
    const doc = readJSON(path.join(fixturesDir, f.file));
    const valid = validate(doc);
    if (valid !== f.valid || valid !== f.go_valid) {
      problems.push([
        `${f.file} (${f.schema}): directory says ${word(f.valid)}`,
        `  Go:  ${word(f.go_valid)} ${(f.go_errors || []).join('; ')}`,
        `  ajv: ${word(valid)} ${describe(validate.errors).join('; ')}`,
      ].join('\n'));
    }
  }

  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`ajv: ${problems.length} disagreement(s) in ${fixtures.length} fixtures`);
    return 1;
  }
  console.log(`ajv ${require('ajv/package.json').version} agrees with the Go validator on all ` +
    `${fixtures.length} fixtures of ${index.schemas.length} schemas`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
