/** The labs that exist. A lab is one folder under src/labs/<id>/ (see README, "Adding a lab"). */
export const LAB_IDS = ['points', 'regression', 'playground', 'digits', 'camera'] as const;
export type LabId = (typeof LAB_IDS)[number];
