// Validates an IATI activity file against the IATI 2.03 schema kept beside the repository
// (/work/shared/iati: iati-activities-schema.xsd includes iati-common.xsd and imports xml.xsd).
import { readFileSync } from 'node:fs';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

const IATI = new URL('../../../shared/iati/', import.meta.url);
const xsd = (name: string) => ({ fileName: name, contents: readFileSync(new URL(name, IATI), 'utf8') });

export async function validateIati(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [xsd('iati-activities-schema.xsd')],
    preload: [xsd('iati-common.xsd'), xsd('xml.xsd')],
  });
}
