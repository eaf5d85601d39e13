// Validates an IATI activity file against the IATI 2.03 schema shipped in the repository
// (schema/iati/ in the repository: iati-activities-schema.xsd includes iati-common.xsd and imports xml.xsd).
import { readFileSync } from 'node:fs';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

const IATI = new URL('../../schema/iati/', import.meta.url);
const xsd = (name: string) => ({ fileName: name, contents: readFileSync(new URL(name, IATI), 'utf8') });

export async function validateIati(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [xsd('iati-activities-schema.xsd')],
    preload: [xsd('iati-common.xsd'), xsd('xml.xsd')],
  });
}
