/**
 * WIDGET "Tic-tac-toe": the learner plays against a computer that uses
 * minimax and never loses, then looks at the game tree the computer searched
 * for its last move, with the number of positions minimax examined and, as a
 * comparison, alpha-beta pruning. Rules and search: lib/games/tic-tac-toe.ts.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { fill } from '../../lib/i18n/fill';
import {
  CENTRE,
  alphaBeta,
  emptyBoard,
  isOver,
  minimax,
  play,
  rowCol,
  treeChildren,
  winner,
  winningLine,
  type Board,
  type Cell,
  type Player,
  type TreeChild,
  type Value,
} from '../../lib/games/tic-tac-toe';

interface Props {
  strings: Record<string, string>;
  locale: string;
  lang: 'nl' | 'fr' | 'de' | 'en';
}

type Starter = 'you' | 'computer';

/** The computer's last move and what its search looked at. */
interface Look {
  root: Cell[];
  examined: number;
  pruned: number;
}

/** How deep the learner can open the tree: the computer's moves, your replies, its answers. */
const DEPTH = 3;
const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export default function TicTacToe({ strings, locale }: Props) {
  const id = `ttt${useId()}`;
  const [starter, setStarter] = useState<Starter>('you');
  const [board, setBoard] = useState<Cell[]>(emptyBoard);
  const [status, setStatus] = useState(strings.startYou);
  const [look, setLook] = useState<Look | null>(null);
  const [showPruned, setShowPruned] = useState(false);
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [cursor, setCursor] = useState(0);
  const cells = useRef<(HTMLButtonElement | null)[]>([]);

  const you: Player = starter === 'you' ? 'X' : 'O';
  const computer: Player = you === 'X' ? 'O' : 'X';
  const over = isOver(board);
  const line = winningLine(board);
  const nf = new Intl.NumberFormat(locale);
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  const cellName = (i: number) => {
    const cell = fill(strings.cell, rowCol(i));
    return i === CENTRE ? fill(strings.centre, { cell }) : cell;
  };
  const valueNumber = (v: Value) => signed.format(v).replace('-', '\u2212');
  const valueText = (v: Value) =>
    fill(strings.valueText, { value: valueNumber(v), words: strings[v > 0 ? 'valueWin' : v < 0 ? 'valueLoss' : 'valueDraw'] });
  const ending = (b: Board) => {
    const w = winner(b);
    return w === computer ? strings.endComputer : w ? strings.endYou : strings.endDraw;
  };

  /** The computer moves on `b`: the new board, what it looked at, and what the learner hears. */
  function computerMoves(b: Cell[], player: Player) {
    const result = minimax(b, player);
    const move = result.best!;
    const next = play(b, move, player);
    setLook({ root: b, examined: result.examined, pruned: alphaBeta(b, player).examined });
    setOpen(new Set());
    return { next, move };
  }

  function start(who: Starter) {
    setStarter(who);
    if (who === 'you') {
      setBoard(emptyBoard());
      setLook(null);
      setStatus(`${strings.started} ${strings.startYou}`);
    } else {
      const { next, move } = computerMoves(emptyBoard(), 'X');
      setBoard(next);
      setStatus(`${strings.started} ${fill(strings.startComputer, { cell: cellName(move) })}`);
    }
  }

  function take(i: number) {
    setCursor(i);
    if (over || board[i]) return;
    let next = play(board, i, you);
    const said = [fill(strings.youPlayed, { cell: cellName(i) })];
    if (!isOver(next)) {
      const reply = computerMoves(next, computer);
      next = reply.next;
      said.push(fill(strings.computerPlayed, { cell: cellName(reply.move) }));
    }
    said.push(isOver(next) ? ending(next) : strings.yourTurn);
    setBoard(next);
    setStatus(said.join(' '));
  }

  function onCellKey(e: KeyboardEvent, i: number) {
    let { row, col } = rowCol(i);
    const step = ARROWS[e.key];
    if (step) {
      row = Math.min(3, Math.max(1, row + step[0]));
      col = Math.min(3, Math.max(1, col + step[1]));
    } else if (e.key === 'Home') col = 1;
    else if (e.key === 'End') col = 3;
    else return;
    e.preventDefault();
    const next = (row - 1) * 3 + col - 1;
    setCursor(next);
    cells.current[next]?.focus();
  }

  const content = (c: Cell) => (c ? fill(strings[c === you ? 'markYou' : 'markComputer'], { mark: c }) : strings.empty);

  /** A small drawing of a position, with its text alternative; `move` is the cell just played. */
  const mini = (b: Board, move = -1) => {
    const where = (p: Player) =>
      b.flatMap((c, i) => (c === p ? [fill(strings.cell, rowCol(i))] : [])).join('; ') || strings.none;
    return (
      <span class="w-tic-tac-toe__mini" role="img" aria-label={fill(strings.boardAlt, { x: where('X'), o: where('O') })}>
        {b.map((c, i) => (
          <span key={i} class={i === move ? 'is-new' : undefined} data-mark={c ?? undefined}>
            {c ?? ''}
          </span>
        ))}
      </span>
    );
  };

  const toggle = (path: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  /** One level of the tree: the moves from `b`, valued for the computer. */
  function level(b: Board, depth: number, path: string) {
    const children = treeChildren(b, computer);
    const computerLevel = depth % 2 === 1;
    return (
      <>
        <p class="w-tic-tac-toe__caption">{computerLevel ? strings.levelComputer : strings.levelYou}</p>
        <ul class="w-tic-tac-toe__list" data-level={depth}>
          {children.map((c) => node(c, depth, `${path}${c.move}`))}
        </ul>
      </>
    );
  }

  function node(c: TreeChild, depth: number, path: string) {
    const expandable = depth < DEPTH && !c.over;
    const isOpen = open.has(path);
    const badge = depth === 1 ? strings.chosen : depth % 2 === 0 ? strings.bestReply : strings.wouldPick;
    const listId = `${id}-n${path}`;
    return (
      <li key={c.move} class={c.picked ? 'is-picked' : undefined}>
        <div class="w-tic-tac-toe__node">
          {mini(c.board, c.move)}
          <p>
            <span class="w-tic-tac-toe__move">{fill(strings.moveText, { mark: c.mover, cell: cellName(c.move) })}</span>{' '}
            <span class="w-tic-tac-toe__value" data-value={c.value}>
              {valueText(c.value)}
            </span>
            {c.over && <span class="w-tic-tac-toe__over"> ({strings.over})</span>}
            {c.picked && (
              <>
                {' '}
                <strong class="w-tic-tac-toe__badge">
                  <span aria-hidden="true">✓ </span>
                  {badge}
                </strong>
              </>
            )}
          </p>
          {expandable && (
            <button type="button" class="button secondary w-tic-tac-toe__expand" aria-expanded={isOpen} aria-controls={listId} onClick={() => toggle(path)}>
              <span class="w-tic-tac-toe__chevron" aria-hidden="true">
                ▸
              </span>
              {depth === 1 ? strings.showReplies : strings.showAnswers}
            </button>
          )}
        </div>
        {expandable && (
          <div id={listId} class="w-tic-tac-toe__children" hidden={!isOpen}>
            {isOpen && level(c.board, depth + 1, `${path}-`)}
          </div>
        )}
      </li>
    );
  }

  return (
    <section class="lab widget w-tic-tac-toe" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{strings.title}</h3>
      <p>{strings.instructions}</p>
      <div class="w-tic-tac-toe__layout">
        <div class="w-tic-tac-toe__play">
          <fieldset class="lab-field">
            <legend>{strings.starterLegend}</legend>
            {(['you', 'computer'] as Starter[]).map((who) => (
              <label key={who} class="lab-radio w-tic-tac-toe__choice">
                <input type="radio" name={`${id}-starter`} checked={starter === who} onChange={() => start(who)} />
                {who === 'you' ? strings.starterYou : strings.starterComputer}
              </label>
            ))}
          </fieldset>
          <div class="lab-actions">
            <button type="button" class="button secondary" onClick={() => start(starter)}>
              {strings.newGame}
            </button>
          </div>
          <div class="w-tic-tac-toe__board" role="group" aria-label={strings.boardLabel}>
            {board.map((c, i) => {
              const { row, col } = rowCol(i);
              const inLine = !!line?.includes(i);
              const what = inLine ? fill(strings.inLine, { content: content(c) }) : content(c);
              return (
                <button
                  key={i}
                  ref={(el) => {
                    cells.current[i] = el;
                  }}
                  type="button"
                  class={`w-tic-tac-toe__cell${inLine ? ' is-line' : ''}`}
                  data-mark={c ?? undefined}
                  tabIndex={i === cursor ? 0 : -1}
                  aria-disabled={over || !!c}
                  aria-label={fill(strings.cellLabel, { row, col, content: what })}
                  onClick={() => take(i)}
                  onKeyDown={(e) => onCellKey(e, i)}
                  onFocus={() => setCursor(i)}
                >
                  <span aria-hidden="true">{c ?? ''}</span>
                </button>
              );
            })}
          </div>
          <p class="w-tic-tac-toe__status" role="status" aria-live="polite">
            {status}
          </p>
        </div>

        <div class="w-tic-tac-toe__tree">
          <h4>{strings.treeTitle}</h4>
          {look ? (
            <>
              <div class="w-tic-tac-toe__node w-tic-tac-toe__root">
                {mini(look.root)}
                <p>{fill(strings.treeRoot, { mark: computer })}</p>
              </div>
              <p class="w-tic-tac-toe__count" data-testid="examined">
                {fill(strings.examined, { count: nf.format(look.examined) })}
              </p>
              <label class="lab-radio w-tic-tac-toe__choice">
                <input type="checkbox" checked={showPruned} onChange={(e) => setShowPruned((e.currentTarget as HTMLInputElement).checked)} />
                {strings.pruneToggle}
              </label>
              {showPruned && (
                <p class="w-tic-tac-toe__count" data-testid="pruned">
                  {fill(strings.pruned, { count: nf.format(look.pruned), percent: pct.format(1 - look.pruned / look.examined) })}
                </p>
              )}
              {level(look.root, 1, '')}
              <p class="lab-legend">{fill(strings.tieRule, { win: valueNumber(1), draw: valueNumber(0), loss: valueNumber(-1) })}</p>
            </>
          ) : (
            <p class="lab-legend">{strings.treeEmpty}</p>
          )}
        </div>
      </div>
    </section>
  );
}
