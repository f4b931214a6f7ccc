/**
 * Joining a class from the teacher's link (#j=…) or short code: shows the
 * class and what is assigned, asks for a display name (a nickname is fine:
 * only the teacher sees it, in the receipt), and keeps the membership on this
 * device. No account, no server.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { decodeJoin, decodeShort, type Assignment, type CourseOrder, type JoinError } from '../lib/classroom/assignment';
import { itemLabel, type TeachCatalog } from '../lib/classroom/dashboard';
import { checkText, LIMITS } from '../lib/classroom/text';
import { fill } from '../lib/i18n/fill';
import { formatDate } from '../lib/i18n/format';
import type { Locale } from '../lib/i18n/locales';
import { useProgress } from './useProgress';

interface Props {
  catalog: TeachCatalog;
  labels: Record<string, string>;
  locale: Locale;
  homePath: string;
  progressPath: string;
}

export default function JoinClass({ catalog, labels, locale, homePath, progressPath }: Props) {
  const progress = useProgress();
  const [assignment, setAssignment] = useState<Assignment | null>(null);
  const [error, setError] = useState<JoinError | null>(null);
  const [short, setShort] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [joined, setJoined] = useState(false);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const course: CourseOrder = catalog;

  useEffect(() => {
    if (!location.hash.startsWith('#j=')) return;
    const decoded = decodeJoin(decodeURIComponent(location.hash.slice(3)));
    if (decoded.ok) setAssignment(decoded.value);
    else setError(decoded.error);
  }, []);

  const existing = assignment && progress?.memberships.find((m) => m.classId === assignment.classId);
  useEffect(() => {
    if (existing && !name) setName(existing.displayName);
  }, [existing]);

  async function join(event: Event) {
    event.preventDefault();
    const problem = checkText(name, LIMITS.displayName);
    if (problem) {
      setNameError(problem === 'empty' ? labels.nameEmpty : problem === 'too-long' ? fill(labels.nameTooLong, { max: LIMITS.displayName }) : labels.nameCharacters);
      requestAnimationFrame(() => document.getElementById('display-name')?.focus());
      return;
    }
    setNameError('');
    const [{ withDatabase }, { saveMembership }, { randomId }] = await Promise.all([
      import('../lib/progress/client'),
      import('../lib/classroom/store'),
      import('../lib/classroom/text'),
    ]);
    try {
      await withDatabase((db) =>
        saveMembership(db, {
          classId: assignment!.classId,
          // Keep a name the teacher gave if the pupil joins again by short code.
          assignment: { ...assignment!, name: assignment!.name || existing?.assignment.name || '' },
          displayName: name.trim(),
          pupilId: existing?.pupilId ?? randomId(),
          joinedAt: existing?.joinedAt ?? new Date().toISOString(),
          ...(existing?.handedInAt ? { handedInAt: existing.handedInAt } : {}),
        }),
      );
      setJoined(true);
      requestAnimationFrame(() => heading.current?.focus());
    } catch {
      setFailed(true);
    }
  }

  if (joined) {
    return (
      <div class="notice" data-testid="joined">
        <h2 ref={heading} tabIndex={-1} style="margin-top:0">{labels.joinedTitle}</h2>
        <p>{labels.joinedText}</p>
        <p>
          <a class="button" href={homePath}>{labels.toCourse}</a> <a href={`${progressPath}#classes`}>{labels.toProgress}</a>
        </p>
      </div>
    );
  }

  if (!assignment) {
    return (
      <div>
        {error && <p class="error" role="alert">{labels[`error-${error}`]}</p>}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const decoded = decodeShort(short, course);
            if (decoded.ok) {
              setError(null);
              setAssignment(decoded.value);
            } else {
              setError(decoded.error);
              requestAnimationFrame(() => document.getElementById('short-code')?.focus());
            }
          }}
        >
          <p>{labels.shortIntro}</p>
          <label for="short-code">{labels.shortLabel}</label>
          <input
            id="short-code"
            class="text-field"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={short}
            onInput={(e) => setShort((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button">{labels.shortSubmit}</button>
        </form>
      </div>
    );
  }

  return (
    <div class="join" data-class={assignment.classId}>
      <h2 data-testid="join-class-name">{assignment.name || fill(labels.classWithCode, { code: assignment.classId })}</h2>
      <p>{labels.assigned}</p>
      <ul>
        {assignment.items.map((i) => (
          <li key={i}>{itemLabel(catalog, i)}</li>
        ))}
      </ul>
      <p>{assignment.due ? fill(labels.dueOn, { date: formatDate(locale, `${assignment.due}T12:00:00Z`) }) : labels.noDue}</p>
      {assignment.message && <blockquote class="class-message">{assignment.message}</blockquote>}
      {existing && <p class="notice">{fill(labels.alreadyJoined, { name: existing.displayName })}</p>}
      {progress && !progress.available && <p class="notice">{labels.unavailable}</p>}
      {failed && <p class="error" role="alert">{labels.storeFailed}</p>}
      <form onSubmit={join} noValidate>
        <label for="display-name">{labels.nameLabel}</label>
        <p class="hint" id="display-name-hint">{labels.nameHint}</p>
        <input
          id="display-name"
          class="text-field"
          type="text"
          autoComplete="nickname"
          maxLength={LIMITS.displayName}
          value={name}
          aria-invalid={nameError ? 'true' : undefined}
          aria-describedby={nameError ? 'display-name-hint display-name-error' : 'display-name-hint'}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        {nameError && <p class="error" id="display-name-error" role="alert">{nameError}</p>}
        <p>
          <button type="submit" class="button">{existing ? labels.joinAgain : labels.join}</button>
        </p>
      </form>
    </div>
  );
}
