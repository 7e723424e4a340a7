/**
 * Framework presets a lead can copy into a project (and then edit). Each is a
 * transcription with its source; a unit test holds Cochrane x Furst equal to
 * the shared data file it was taken from.
 */
export type FrameworkPreset = {
  key: string;
  name: string;
  source: string;
  description: string;
  levels: { key: string; label: string }[];
  domains: { key: string; label: string; themes: string[] }[];
};

/**
 * Evidence-practice gap domains (Cochrane et al. 2007) by health-care ecosystem
 * levels (Fürst et al.), exactly as the 2024 BMC Health Services Research review
 * (PMID 38408938) used them: six domains with their themes, four levels.
 */
export const COCHRANE_FURST: FrameworkPreset = {
  key: 'cochrane-furst',
  name: 'Evidence-practice gap domains (Cochrane et al. 2007) x healthcare ecosystem levels (Furst et al.)',
  source:
    "Domains and levels as used in 'Barriers and Facilitators to the Implementation of Digital Technologies in Mental Health Systems: a Qualitative Systematic Review to Inform a Policy Framework' (BMC Health Services Research, 2024, PMID 38408938). The paper merged Cochrane's cognitive/behavioural and attitudinal/emotional domains into one.",
  description:
    'Cochrane LJ, Olson CA, Murray S, Dupuis M, Tooman T, Hayes S. Gaps between knowing and doing: understanding and assessing the barriers to optimal health care. J Contin Educ Health Prof. 2007;27(2):94-102. Levels after Fürst et al. (nano: patient; micro: professionals; meso: organisations and services; macro: policy and country).',
  levels: [
    { key: 'nano', label: 'Nano - patient' },
    { key: 'micro', label: 'Micro - professionals' },
    { key: 'meso', label: 'Meso - organisations / services' },
    { key: 'macro', label: 'Macro - policy / country' },
  ],
  domains: [
    { key: 'cognitive', label: 'Cognitive, behavioural, attitudinal and emotional', themes: ['Attitude and beliefs', 'Knowledge, education and training'] },
    {
      key: 'patient',
      label: 'Patient',
      themes: ['Gender and cultural sensitivity', 'Socio-economic determinants of health', "Patients' preferences for and access to digital technologies"],
    },
    { key: 'professional', label: 'Professional and interpersonal', themes: ['Relationships', 'Trust', 'Power'] },
    {
      key: 'guidelines',
      label: 'Guidelines and evidence',
      themes: [
        'Evidence-based care and implementation',
        'Medical safety and crisis management',
        'Technology design, usability and content',
        'Personalisation and patient-centred care',
      ],
    },
    {
      key: 'support',
      label: 'Support and resources',
      themes: ['Universal coverage and financial protection', 'Innovation, investment and financial risk', 'Time and other resources'],
    },
    {
      key: 'system',
      label: 'System and process',
      themes: [
        'Policy, regulation and reform',
        'Data protection, security and privacy',
        'Governance, leadership and management',
        'Mental healthcare integration and treatment pathways',
        'Public and private mental healthcare systems',
      ],
    },
  ],
};

/**
 * The updated Consolidated Framework for Implementation Research (CFIR 2.0):
 * its five domains, each construct a theme (sub-constructs are left to the
 * lead). CFIR has no levels of its own: its domains already name the setting,
 * so the preset has a single column.
 */
export const CFIR_2: FrameworkPreset = {
  key: 'cfir-2',
  name: 'Consolidated Framework for Implementation Research 2.0 (CFIR 2.0)',
  source:
    'Damschroder LJ, Reardon CM, Widerquist MAO, Lowery J. The updated Consolidated Framework for Implementation Research based on user feedback. Implementation Science. 2022;17:75. doi:10.1186/s13012-022-01245-0',
  description: 'Five domains with their constructs (Table 2 of the paper). CFIR has no levels: the domains are the settings, so there is one column.',
  levels: [{ key: 'all', label: 'All settings' }],
  domains: [
    {
      key: 'innovation',
      label: 'Innovation',
      themes: [
        'Innovation source',
        'Innovation evidence-base',
        'Innovation relative advantage',
        'Innovation adaptability',
        'Innovation trialability',
        'Innovation complexity',
        'Innovation design',
        'Innovation cost',
      ],
    },
    {
      key: 'outer-setting',
      label: 'Outer setting',
      themes: ['Critical incidents', 'Local attitudes', 'Local conditions', 'Partnerships & connections', 'Policies & laws', 'Financing', 'External pressure'],
    },
    {
      key: 'inner-setting',
      label: 'Inner setting',
      themes: [
        'Structural characteristics',
        'Relational connections',
        'Communications',
        'Culture',
        'Tension for change',
        'Compatibility',
        'Relative priority',
        'Incentive systems',
        'Mission alignment',
        'Available resources',
        'Access to knowledge & information',
      ],
    },
    {
      key: 'individuals',
      label: 'Individuals',
      themes: [
        'High-level leaders',
        'Mid-level leaders',
        'Opinion leaders',
        'Implementation facilitators',
        'Implementation leads',
        'Implementation team members',
        'Other implementation support',
        'Innovation deliverers',
        'Innovation recipients',
        'Need',
        'Capability',
        'Opportunity',
        'Motivation',
      ],
    },
    {
      key: 'implementation-process',
      label: 'Implementation process',
      themes: [
        'Teaming',
        'Assessing needs',
        'Assessing context',
        'Planning',
        'Tailoring strategies',
        'Engaging',
        'Doing',
        'Reflecting & evaluating',
        'Adapting',
      ],
    },
  ],
};

export const FRAMEWORK_PRESETS: readonly FrameworkPreset[] = [COCHRANE_FURST, CFIR_2];

export function findFrameworkPreset(key: string): FrameworkPreset | undefined {
  return FRAMEWORK_PRESETS.find((p) => p.key === key);
}

/** A key from a label ("Meso - organisations" -> "meso-organisations"), for custom domains and levels. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return key || 'item';
}

/** The label's key, made distinct from `taken` with a suffix: "micro", "micro-2", ... */
export function freeKey(label: string, taken: { has(key: string): boolean }): string {
  const base = keyFromLabel(label);
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}
