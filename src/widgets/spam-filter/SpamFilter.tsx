/**
 * WIDGET "spam-filter": a naive Bayes spam filter by hand. The learner labels
 * training messages (and may add their own, kept only in the page's state),
 * types a new message, and sees for each word the messages that contain it,
 * its smoothed vote, the starting odds and the verdict. The counting itself
 * is in lib/probability/naive-bayes.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../../lib/i18n/fill';
import { classify, displayShare, parseStopWords, train, verdictOf } from '../../lib/probability/naive-bayes';

interface Props {
  strings: Record<string, string>;
  locale: string;
  lang: 'nl' | 'fr' | 'de' | 'en';
}

interface Message {
  id: string;
  text: string;
  spam: boolean;
  own?: boolean;
}

/** Element id prefix (one spam filter per page). */
const ID = 'w-spam-filter';
/** The built-in training messages, spam and normal mixed. */
const BUILT_IN = ['spam1', 'ham1', 'spam2', 'ham2', 'ham3', 'spam3', 'ham4', 'spam4'];
const SPEAK_AFTER_MS = 700;

export default function SpamFilter({ strings: s, locale }: Props) {
  const [messages, setMessages] = useState<Message[]>(() => BUILT_IN.map((key) => ({ id: key, text: s[key], spam: key.startsWith('spam') })));
  const [text, setText] = useState(s.newMessage);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const nextId = useRef(1);
  const draftField = useRef<HTMLInputElement>(null);

  const stop = useMemo(() => parseStopWords(s.stopWords), [s.stopWords]);
  const model = useMemo(() => train(messages, stop), [messages, stop]);
  const result = useMemo(() => classify(model, text), [model, text]);
  const verdict = verdictOf(result);

  const number = (v: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(v);
  const ratio = (v: number) =>
    number(v, v >= 1e6 || v < 1e-4 ? { notation: 'scientific', maximumSignificantDigits: 2 } : v >= 10 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 });
  const share = (p: number) => {
    const { bound, value } = displayShare(p);
    const pct = number(value, { style: 'percent', maximumFractionDigits: 0 });
    return bound ? fill(s[bound], { value: pct }) : pct;
  };

  const need = result.missing ? (result.missing === 'ham' ? s.needHam : s.needSpam) : '';
  const verdictText = verdict === 'spam' ? s.verdictSpam : verdict === 'ham' ? s.verdictHam : s.verdictTie;
  const probability = result.spam === null ? '' : fill(s.probability, { value: share(result.spam) });
  const summary = need || fill(s.live, { verdict: verdictText, value: share(result.spam!), count: number(result.words.length) });

  // The live region speaks the verdict once the learner pauses (not on every key).
  const [live, setLive] = useState(summary);
  useEffect(() => {
    const timer = setTimeout(() => setLive(summary), SPEAK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [summary]);

  function setLabel(id: string, spam: boolean) {
    setMessages((list) => list.map((m) => (m.id === id ? { ...m, spam } : m)));
  }

  function add(spam: boolean) {
    const value = draft.trim();
    if (!value) {
      setError(s.addEmpty);
      draftField.current?.focus();
      return;
    }
    setMessages((list) => [...list, { id: `own${nextId.current++}`, text: value, spam, own: true }]);
    setDraft('');
    setError('');
  }

  function remove(id: string) {
    setMessages((list) => list.filter((m) => m.id !== id));
    draftField.current?.focus();
  }

  const odds = result.logOdds === null ? 1 : Math.exp(Math.abs(result.logOdds));

  return (
    <section class="lab widget w-spam-filter" aria-labelledby={`${ID}-title`}>
      <h3 id={`${ID}-title`}>{s.title}</h3>
      <p>{s.intro}</p>
      <div class="sf-grid">
        <div class="sf-train">
          <h4 id={`${ID}-training`}>{s.trainingHeading}</h4>
          <ul class="sf-list" aria-labelledby={`${ID}-training`}>
            {messages.map((m) => (
              <li key={m.id} class="sf-msg" data-spam={String(m.spam)}>
                <p class="sf-text" id={`${ID}-${m.id}`}>
                  {m.text}
                  {m.own && <span class="sf-own">{s.ownTag}</span>}
                </p>
                <div class="sf-row">
                  <div class="sf-choice" role="radiogroup" aria-labelledby={`${ID}-${m.id}`}>
                    {[true, false].map((spam) => (
                      <label key={String(spam)} data-kind={spam ? 'spam' : 'ham'}>
                        <input type="radio" name={`${ID}-${m.id}`} checked={m.spam === spam} onChange={() => setLabel(m.id, spam)} />
                        <span>{spam ? s.labelSpam : s.labelHam}</span>
                      </label>
                    ))}
                  </div>
                  {m.own && (
                    <button type="button" class="button secondary" aria-label={fill(s.removeLabel, { text: m.text })} onClick={() => remove(m.id)}>
                      {s.remove}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div class="lab-field sf-add">
            <label for={`${ID}-draft`}>{s.addLabel}</label>
            <input
              ref={draftField}
              id={`${ID}-draft`}
              type="text"
              class="text-field"
              maxLength={160}
              value={draft}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${ID}-error` : undefined}
              onInput={(e) => {
                setDraft((e.currentTarget as HTMLInputElement).value);
                setError('');
              }}
            />
            {error && (
              <p id={`${ID}-error`} class="sf-error" role="alert">
                {error}
              </p>
            )}
            <div class="lab-actions">
              <button type="button" class="button secondary" onClick={() => add(true)}>
                {s.addSpam}
              </button>
              <button type="button" class="button secondary" onClick={() => add(false)}>
                {s.addHam}
              </button>
            </div>
          </div>
        </div>

        <div class="sf-check">
          <div class="lab-field">
            <label for={`${ID}-text`}>{s.newMessageLabel}</label>
            <textarea id={`${ID}-text`} class="text-field" rows={2} maxLength={300} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
          {result.ignored.length > 0 && (
            <p class="sf-note sf-ignored">{fill(s.ignored, { words: result.ignored.join(', '), stop: [...stop].join(', ') })}</p>
          )}

          <div class="sf-result" data-verdict={verdict ?? 'none'}>
            {need ? (
              <p class="sf-need">{need}</p>
            ) : (
              <>
                <p class="sf-verdict">
                  <svg viewBox="0 0 20 20" width="22" height="22" aria-hidden="true">
                    {verdict === 'spam' ? (
                      <path d="M10 1.5 19 18.5H1Z M9 7h2v6H9Z M9 14.5h2v2H9Z" fill-rule="evenodd" />
                    ) : verdict === 'ham' ? (
                      <path d="M10 1a9 9 0 1 1 0 18 9 9 0 0 1 0-18Zm-1.2 12.6 6-6-1.5-1.4-4.5 4.6-2.3-2.3-1.4 1.4Z" fill-rule="evenodd" />
                    ) : (
                      <path d="M10 1 19 10 10 19 1 10Z" />
                    )}
                  </svg>
                  <strong>{verdictText}</strong>
                </p>
                <p class="sf-prob">{probability}</p>
                <div class="sf-bar" aria-hidden="true">
                  <span style={{ width: `${(result.spam ?? 0) * 100}%` }} />
                </div>
              </>
            )}
          </div>

          {result.prior !== null && (
            <p class="sf-step">
              {fill(s.prior, { spam: number(result.spamMessages), total: number(result.spamMessages + result.hamMessages), ham: number(result.hamMessages) })}
            </p>
          )}
          {result.missing ? null : result.words.length === 0 ? (
            <p class="sf-step">{s.noWords}</p>
          ) : (
            <div class="sf-scroll" tabIndex={0} role="region" aria-labelledby={`${ID}-caption`}>
              <table class="sf-table">
                <caption id={`${ID}-caption`}>{s.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s.colWord}</th>
                    <th scope="col">{s.colSpam}</th>
                    <th scope="col">{s.colHam}</th>
                    <th scope="col">{s.colVote}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.words.map((w) => {
                    const lean = Math.abs(Math.log(w.ratio)) < 1e-12 ? 'neutral' : w.ratio > 1 ? 'spam' : 'ham';
                    const cell = (count: number, total: number) => (
                      <td>
                        {fill(s.countOf, { count: number(count), total: number(total) })}
                        <small class="sf-frac" aria-hidden="true">
                          <span>{fill(s.plusOne, { count: number(count) })}</span>
                          <span>{fill(s.plusTwo, { total: number(total) })}</span>
                        </small>
                        <span class="visually-hidden">{fill(s.smoothed, { count: number(count), total: number(total) })}</span>
                      </td>
                    );
                    return (
                      <tr key={w.word}>
                        <th scope="row">{w.word}</th>
                        {cell(w.spamCount, result.spamMessages)}
                        {cell(w.hamCount, result.hamMessages)}
                        <td class="sf-vote" data-lean={lean}>
                          <strong>{fill(s.times, { ratio: ratio(w.ratio) })}</strong>
                          <small>{s[lean === 'spam' ? 'voteSpam' : lean === 'ham' ? 'voteHam' : 'voteNeutral']}</small>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {result.logOdds !== null && (
            <p class="sf-step sf-combined">{fill(result.logOdds < 0 ? s.combinedHam : s.combinedSpam, { odds: ratio(odds) })}</p>
          )}
          <p class="sf-note">{s.voteHelp}</p>
        </div>
      </div>
      <p class="sf-note sf-naive">{s.naiveNote}</p>
      <p class="visually-hidden sf-live" aria-live="polite">
        {live}
      </p>
    </section>
  );
}
