import type { OrganCode } from './types.js';

/**
 * The canonical English name of every organ and issuer code. The contract reports organs by these
 * names whatever the document's language (un-corpus README: "organs always in canonical English");
 * index keys use the codes. docs/data-model.md lists both; the table and the doc are checked
 * against each other by a test.
 */
export const ORGAN_NAMES: Readonly<Record<OrganCode, string>> = {
  GA: 'General Assembly',
  SC: 'Security Council',
  ECOSOC: 'Economic and Social Council',
  TC: 'Trusteeship Council',
  ICJ: 'International Court of Justice',
  UNCTAD: 'United Nations Conference on Trade and Development',
  'DP-EB':
    'Executive Board of the United Nations Development Programme, the United Nations Population Fund and the United Nations Office for Project Services',
  'UNICEF-EB': 'United Nations Children’s Fund Executive Board',
  'UNW-EB': 'Executive Board of the United Nations Entity for Gender Equality and the Empowerment of Women',
  'WFP-EB': 'Executive Board of the World Food Programme',
  CEDAW: 'Convention on the Elimination of All Forms of Discrimination against Women',
  CCPR: 'International Covenant on Civil and Political Rights',
  CESCR: 'International Covenant on Economic, Social and Cultural Rights',
  CERD: 'International Convention on the Elimination of All Forms of Racial Discrimination',
  CAT: 'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment',
  CRC: 'Convention on the Rights of the Child',
  CRPD: 'Convention on the Rights of Persons with Disabilities',
  CED: 'International Convention for the Protection of All Persons from Enforced Disappearance',
  CMW: 'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
};

/** The code of an organ's canonical English name, or undefined for a name that is not one. */
export function organCodeOf(name: string): OrganCode | undefined {
  const key = name.trim().toLowerCase();
  return (Object.keys(ORGAN_NAMES) as OrganCode[]).find((code) => ORGAN_NAMES[code].toLowerCase() === key);
}
