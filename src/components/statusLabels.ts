import type { StatusLabels } from '../islands/labels';
import type { Translate } from '../lib/i18n/t';

/** Status strings for ModuleStatus, with placeholders the island fills in. */
export function statusLabels(t: Translate): StatusLabels {
  return {
    notStarted: t('status.notStarted'),
    inProgress: t('status.inProgress', { points: '{{points}}', max: '{{max}}' }),
    complete: t('status.complete', { points: '{{points}}', max: '{{max}}', date: '{{date}}' }),
    sectionAnswered: t('status.sectionAnswered', { answered: '{{answered}}', total: '{{total}}' }),
    sectionDone: t('status.sectionDone'),
  };
}
