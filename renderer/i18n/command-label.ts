import type { CommandLabel } from '../../app/commands';

/** i18next's t, as far as a command's description needs it. */
type Translate = (key: string, values: Record<string, string | number>) => string;

/**
 * What a command did, in the UI's language: its key with its values ("Reject frame 129", "129번 프레임 빼기",
 * "フレーム 129 を外す"); a count picks the plural form.
 */
export function commandText(t: Translate, label: CommandLabel): string {
  return t(label.key, label.values ?? {});
}
