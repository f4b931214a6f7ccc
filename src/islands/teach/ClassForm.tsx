/** Create or edit a class: name, what to assign (whole modules or single sections), due date, message. */
import { useState } from 'preact/hooks';
import { isValidDate } from '../../lib/classroom/assignment';
import type { TeachCatalog } from '../../lib/classroom/dashboard';
import { checkText, LIMITS, type TextProblem } from '../../lib/classroom/text';
import { fill } from '../../lib/i18n/fill';

export interface ClassDraft {
  name: string;
  items: string[];
  due?: string;
  message?: string;
}

type L = Record<string, string>;

interface Props {
  catalog: TeachCatalog;
  labels: L;
  initial?: ClassDraft;
  submitLabel: string;
  onSave: (draft: ClassDraft) => void | Promise<void>;
  onCancel?: () => void;
}

export function ClassForm({ catalog, labels, initial, submitLabel, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [items, setItems] = useState<string[]>(initial?.items ?? []);
  const [due, setDue] = useState(initial?.due ?? '');
  const [message, setMessage] = useState(initial?.message ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const problem = (p: TextProblem | null, max: number) =>
    p === 'empty' ? labels.errorEmpty : p === 'too-long' ? fill(labels.errorTooLong, { max }) : p ? labels.errorCharacters : '';

  function toggle(item: string, on: boolean) {
    setItems((prev) => {
      const [moduleId, sectionId] = item.split('/');
      if (!sectionId) {
        // A whole module replaces its single sections.
        const rest = prev.filter((i) => i.split('/')[0] !== moduleId);
        return on ? [...rest, item] : rest;
      }
      return on ? [...prev, item] : prev.filter((i) => i !== item);
    });
  }

  function submit(event: Event) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const n = problem(checkText(name, LIMITS.className), LIMITS.className);
    if (n) found.name = n;
    if (items.length === 0) found.items = labels.errorNoItems;
    if (due && !isValidDate(due)) found.due = labels.errorDate;
    const m = problem(checkText(message, LIMITS.message, { optional: true }), LIMITS.message);
    if (m) found.message = m;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    // Items in course order.
    const order = catalog.modules.flatMap((mod) => [mod.id, ...mod.sections.map((s) => `${mod.id}/${s.id}`)]);
    void onSave({
      name: name.trim(),
      items: [...items].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      ...(due ? { due } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    });
  }

  const err = (key: string) => errors[key] && <p class="error" id={`class-${key}-error`} role="alert">{errors[key]}</p>;

  return (
    <form class="class-form" onSubmit={submit} noValidate>
      <p>
        <label for="class-name">{labels.fieldName}</label>
        <input
          id="class-name"
          class="text-field"
          type="text"
          value={name}
          maxLength={LIMITS.className}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? 'class-name-error' : undefined}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        {err('name')}
      </p>
      <fieldset aria-describedby={errors.items ? 'class-items-error' : 'class-items-hint'} aria-invalid={errors.items ? 'true' : undefined} tabIndex={errors.items ? -1 : undefined}>
        <legend>{labels.fieldItems}</legend>
        <p class="hint" id="class-items-hint">{labels.fieldItemsHint}</p>
        {catalog.modules.map((mod) => {
          const whole = items.includes(mod.id);
          return (
            <div class="class-module" key={mod.id}>
              <label class="check">
                <input type="checkbox" checked={whole} onChange={(e) => toggle(mod.id, (e.currentTarget as HTMLInputElement).checked)} />
                <strong>{fill(labels.wholeModule, { module: mod.label })}</strong>
              </label>
              <ul>
                {mod.sections.map((s) => {
                  const id = `${mod.id}/${s.id}`;
                  return (
                    <li key={id}>
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={whole || items.includes(id)}
                          disabled={whole}
                          onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)}
                        />
                        {s.label}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
        {err('items')}
      </fieldset>
      <p>
        <label for="class-due">{labels.fieldDue}</label>
        <input
          id="class-due"
          class="text-field"
          type="date"
          value={due}
          aria-invalid={errors.due ? 'true' : undefined}
          aria-describedby={errors.due ? 'class-due-error' : undefined}
          onInput={(e) => setDue((e.currentTarget as HTMLInputElement).value)}
        />
        {err('due')}
      </p>
      <p>
        <label for="class-message">{labels.fieldMessage}</label>
        <textarea
          id="class-message"
          class="text-field"
          rows={3}
          maxLength={LIMITS.message}
          value={message}
          aria-invalid={errors.message ? 'true' : undefined}
          aria-describedby={errors.message ? 'class-message-error' : undefined}
          onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {err('message')}
      </p>
      <div class="actions">
        <button type="submit" class="button">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button secondary" onClick={onCancel}>
            {labels.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
