/** The steps of the work, in order: each is reachable at any time from the step bar (once there is a project). */
export const STEP_IDS = ['video', 'keyframes', 'style', 'pages', 'export'] as const;
export type StepId = (typeof STEP_IDS)[number];
export const isStepId = (s: unknown): s is StepId => (STEP_IDS as readonly unknown[]).includes(s);
