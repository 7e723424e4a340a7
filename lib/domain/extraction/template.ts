import { slugify } from './form-definition';
import type { ChoiceOption, ExtractionField } from './types';

const options = (...labels: string[]): ChoiceOption[] => labels.map((label) => ({ id: slugify(label), label }));

export const QUALITATIVE_TEMPLATE_NAME = 'Qualitative study characteristics';

/**
 * The shipped template "Qualitative study characteristics", shaped by the
 * review of digital mental health that Tandem was built around: where and
 * when, how the study was done and with whom, and which technology for which
 * condition. Leads start from it and change what they need.
 */
export const QUALITATIVE_STUDY_TEMPLATE: readonly ExtractionField[] = [
  {
    id: 'country',
    label: 'Country',
    type: 'country',
    allowMultiple: true,
    required: true,
    helpText: 'Where the data were collected; every country of a multi-country study.',
  },
  { id: 'year', label: 'Year', type: 'number', integer: true, min: 1950, max: 2100, required: true, helpText: 'Year of publication.' },
  {
    id: 'design',
    label: 'Design',
    type: 'single_choice',
    required: true,
    options: options(
      'Qualitative: interviews',
      'Qualitative: focus groups',
      'Qualitative: interviews and focus groups',
      'Ethnography',
      'Case study',
      'Mixed methods',
      'Survey with open-ended questions',
      'Other',
    ),
  },
  {
    id: 'sample_size',
    label: 'Sample size',
    type: 'number',
    integer: true,
    min: 0,
    unit: 'participants',
    required: true,
    helpText: 'Participants in the qualitative component.',
  },
  {
    id: 'technology_type',
    label: 'Technology type',
    type: 'multiple_choice',
    required: true,
    options: options(
      'Mobile app',
      'Web-based programme',
      'Telehealth / videoconferencing',
      'Text messaging',
      'Computerised CBT',
      'Virtual reality',
      'Wearable or sensor',
      'Online peer support or social media',
      'Electronic records or clinical decision support',
      'Other',
    ),
  },
  {
    id: 'population',
    label: 'Population',
    type: 'multiple_choice',
    required: true,
    options: options(
      'Service users / patients',
      'Health professionals',
      'Carers and family',
      'Managers and administrators',
      'Policy makers',
      'Developers and industry',
      'General public',
    ),
    helpText: 'Whose views were reported.',
  },
  {
    id: 'setting',
    label: 'Setting',
    type: 'multiple_choice',
    required: true,
    options: options(
      'Primary care',
      'Specialist mental health services',
      'Hospital inpatient',
      'Community',
      'School or university',
      'Workplace',
      'Online / remote',
      'Other',
    ),
  },
  {
    id: 'mental_health_condition',
    label: 'Mental health condition',
    type: 'multiple_choice',
    required: true,
    options: options(
      'Depression',
      'Anxiety',
      'Common mental disorders',
      'Severe mental illness',
      'Psychosis',
      'Bipolar disorder',
      'PTSD',
      'Eating disorders',
      'Substance use',
      'Self-harm or suicide',
      'General mental health and wellbeing',
      'Other',
    ),
  },
  {
    id: 'guidance',
    label: 'Guided or unguided',
    type: 'single_choice',
    required: true,
    options: options('Guided', 'Unguided', 'Both', 'Not reported'),
    helpText: 'Guided: a person (clinician, coach) supports the use of the technology.',
  },
  { id: 'notes', label: 'Notes', type: 'long_text', required: false },
];
