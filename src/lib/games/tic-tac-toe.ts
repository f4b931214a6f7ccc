/**
 * Tic-tac-toe rules and the minimax search that the "tic-tac-toe" widget
 * uses and shows (module "Solving problems", section "Games"). Pure and
 * deterministic: no DOM, no randomness.
 *
 * The board is a 9-element array read row by row (index = 3 × row + column,
 * both from 0); X always moves first, so whose turn it is follows from the
 * board itself.
 *
 * Scores. A finished game is worth, for the player who won it,
 * 10 − (number of marks on the board), and the negative of that for the
 * player who lost it; a draw is worth 0. Counting the marks (the absolute
 * depth) makes a quicker win worth more than a slower one and a slower loss
 * worth more than a quicker one, and because it depends on the position
 * only, never on the path to it, scores can be memoised by position.
 * `value` is the sign of the score: +1 win, 0 draw, −1 loss.
 *
 * Ties. Among moves with the same score, the search keeps the one it met
 * first, and it meets moves in reading order (lowest index first): so the
 * computer prefers the quickest win, then the slowest loss, then the first
 * cell reading row by row. Plain minimax and alpha-beta both follow this rule
 * and so always choose the same move.
 *
 * "Positions examined" counts every position a search looks at, the starting
 * position included: plain minimax from the empty board examines 549,946
 * positions (the whole game tree). `minimax()` answers from a memo for speed,
 * but its `examined` is the real count of a plain, unmemoised minimax: the
 * size of the game tree below the position, which depends on the position
 * only and so can be memoised too (`minimaxPlain()`, tested to agree, is the
 * search written out without any memo).
 */

export type Player = 'X' | 'O';
export type Cell = Player | null;
export type Board = readonly Cell[];
export type Value = -1 | 0 | 1;

/** The 8 lines of three: 3 rows, 3 columns, 2 diagonals. */
export const LINES: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
  [2, 5, 8],
  [0, 4, 8],
  [2, 4, 6],
];

export const CENTRE = 4;

export function emptyBoard(): Cell[] {
  return Array<Cell>(9).fill(null);
}

export function other(player: Player): Player {
  return player === 'X' ? 'O' : 'X';
}

/** Row and column of a cell, both counted from 1 (as a learner reads them). */
export function rowCol(index: number): { row: number; col: number } {
  return { row: Math.floor(index / 3) + 1, col: (index % 3) + 1 };
}

/** The line of three that won the game, or null. */
export function winningLine(board: Board): readonly [number, number, number] | null {
  for (const line of LINES) {
    const [a, b, c] = line;
    if (board[a] && board[a] === board[b] && board[a] === board[c]) return line;
  }
  return null;
}

export function winner(board: Board): Player | null {
  const line = winningLine(board);
  return line ? board[line[0]] : null;
}

export function marks(board: Board): number {
  let n = 0;
  for (const c of board) if (c) n++;
  return n;
}

export function isOver(board: Board): boolean {
  return winner(board) !== null || marks(board) === 9;
}

/** Empty cells in reading order; none once the game is over. */
export function legalMoves(board: Board): number[] {
  if (winner(board)) return [];
  const moves: number[] = [];
  for (let i = 0; i < 9; i++) if (!board[i]) moves.push(i);
  return moves;
}

/** Whose turn it is: X when both have as many marks, O otherwise. */
export function toMove(board: Board): Player {
  let x = 0;
  let o = 0;
  for (const c of board) {
    if (c === 'X') x++;
    else if (c === 'O') o++;
  }
  return x === o ? 'X' : 'O';
}

/** The board after `player` (by default whoever's turn it is) takes cell `index`. */
export function play(board: Board, index: number, player: Player = toMove(board)): Cell[] {
  if (!Number.isInteger(index) || index < 0 || index > 8 || board[index] || winner(board)) {
    throw new Error(`illegal move ${index}`);
  }
  const next = board.slice();
  next[index] = player;
  return next;
}

export function valueOf(score: number): Value {
  return score > 0 ? 1 : score < 0 ? -1 : 0;
}

/** For each cell, the lines through it, flattened (three cells a line). */
const LINES_AT: number[][] = Array.from({ length: 9 }, (_, i) => LINES.filter((l) => l.includes(i)).flat());

/**
 * Score of the position for `player`, who is to move, if the game is over,
 * or null while it goes on. `last` is the cell just played (only lines
 * through it can be new), or −1 to check the whole board.
 */
function ended(b: Board, player: Player, filled: number, last: number): number | null {
  let won: Player | null = null;
  if (last < 0) won = winner(b);
  else {
    const lines = LINES_AT[last];
    for (let j = 0; j < lines.length; j += 3) {
      if (b[lines[j]] === b[lines[j + 1]] && b[lines[j]] === b[lines[j + 2]]) {
        won = b[last];
        break;
      }
    }
  }
  if (won) return won === player ? 10 - filled : filled - 10;
  return filled === 9 ? 0 : null;
}

/*
 * The memo: one slot per (position, player to move), the position written in
 * base 3 (0 empty, 1 X, 2 O; cell i is digit i). Each slot keeps the exact
 * minimax score for the player to move and the size of the game tree below
 * the position (the position included). Filled on demand; the whole game
 * takes about 5,500 slots.
 */
const POW = [1, 3, 9, 27, 81, 243, 729, 2187, 6561];
const known = new Uint8Array(19683 * 2);
const bestScore = new Int8Array(19683 * 2);
const subtree = new Int32Array(19683 * 2);

function explore(b: Cell[], player: Player, key: number, filled: number, last: number): number {
  const slot = key * 2 + (player === 'X' ? 0 : 1);
  if (known[slot]) return slot;
  let score = ended(b, player, filled, last);
  let size = 1;
  if (score === null) {
    score = -Infinity;
    const digit = player === 'X' ? 1 : 2;
    for (let i = 0; i < 9; i++) {
      if (b[i]) continue;
      b[i] = player;
      const child = explore(b, other(player), key + digit * POW[i], filled + 1, i);
      b[i] = null;
      const s = 0 - bestScore[child];
      if (s > score) score = s;
      size += subtree[child];
    }
  }
  known[slot] = 1;
  bestScore[slot] = score;
  subtree[slot] = size;
  return slot;
}

function slotOf(board: Board, player: Player): number {
  let key = 0;
  for (let i = 8; i >= 0; i--) key = key * 3 + (board[i] === 'X' ? 1 : board[i] === 'O' ? 2 : 0);
  return explore(board.slice(), player, key, marks(board), -1);
}

/** Exact minimax score of a position for `perspective`, whoever is to move in it. */
export function scoreFor(board: Board, perspective: Player): number {
  const mover = toMove(board);
  const s = bestScore[slotOf(board, mover)];
  return mover === perspective ? s : 0 - s;
}

export interface MoveScore {
  /** The cell played. */
  move: number;
  /** Score of the position after the move, for the player who made it. */
  score: number;
  value: Value;
}

export interface MinimaxResult {
  /** Score and value of the position for `player`, who is to move. */
  score: number;
  value: Value;
  /** The move minimax chooses (ties as documented above), or null when the game is over. */
  best: number | null;
  /** Every legal move with its score, in reading order. */
  moves: MoveScore[];
  /** Positions a plain minimax examines to decide (the starting one included). */
  examined: number;
}

/** Minimax for `player` (by default whoever's turn it is), who is to move. */
export function minimax(board: Board, player: Player = toMove(board)): MinimaxResult {
  const slot = slotOf(board, player);
  const moves: MoveScore[] = [];
  let best: number | null = null;
  let score = -Infinity;
  for (const move of legalMoves(board)) {
    const s = 0 - bestScore[slotOf(play(board, move, player), other(player))];
    moves.push({ move, score: s, value: valueOf(s) });
    if (s > score) {
      score = s;
      best = move;
    }
  }
  score = bestScore[slot];
  return { score, value: valueOf(score), best, moves, examined: subtree[slot] };
}

/** The computer's move: minimax's choice for whoever's turn it is, or null when the game is over. */
export function bestMove(board: Board, player: Player = toMove(board)): number | null {
  return minimax(board, player).best;
}

export interface SearchResult {
  score: number;
  value: Value;
  best: number | null;
  examined: number;
}

/** Plain minimax written out without any memo: the reference the tests hold `minimax()` to. */
export function minimaxPlain(board: Board, player: Player = toMove(board)): SearchResult {
  const b = board.slice();
  let examined = 0;
  const search = (p: Player, filled: number, last: number): number => {
    examined++;
    const done = ended(b, p, filled, last);
    if (done !== null) return done;
    let best = -Infinity;
    for (let i = 0; i < 9; i++) {
      if (b[i]) continue;
      b[i] = p;
      const s = 0 - search(other(p), filled + 1, i);
      b[i] = null;
      if (s > best) best = s;
    }
    return best;
  };
  return fromRoot(b, player, (filled, last) => search(other(player), filled, last), () => examined);
}

/**
 * Minimax with alpha-beta pruning: the same score and the same move, but it
 * stops looking at a position's other moves as soon as one of them shows
 * that the opponent would never let the game get there.
 */
export function alphaBeta(board: Board, player: Player = toMove(board)): SearchResult {
  const b = board.slice();
  let examined = 0;
  const search = (p: Player, filled: number, last: number, alpha: number, beta: number): number => {
    examined++;
    const done = ended(b, p, filled, last);
    if (done !== null) return done;
    let best = -Infinity;
    for (let i = 0; i < 9; i++) {
      if (b[i]) continue;
      b[i] = p;
      const s = 0 - search(other(p), filled + 1, i, -beta, -alpha);
      b[i] = null;
      if (s > best) best = s;
      if (best > alpha) alpha = best;
      if (alpha >= beta) break;
    }
    return best;
  };
  // At the root beta stays +∞ and alpha is the best score so far, so a later
  // move can only replace the best one by scoring strictly more, as in minimax.
  return fromRoot(b, player, (filled, last, bestSoFar) => search(other(player), filled, last, -Infinity, -bestSoFar), () => examined);
}

/**
 * The root of a search: tries each move in reading order and keeps the first
 * one with the highest score. `child` scores the position after a move for
 * the opponent, given the best score found so far; `counted` is how many
 * positions the search has examined below the root.
 */
function fromRoot(
  b: Cell[],
  player: Player,
  child: (filled: number, last: number, bestSoFar: number) => number,
  counted: () => number,
): SearchResult {
  const filled = marks(b);
  const done = ended(b, player, filled, -1);
  if (done !== null) return { score: done, value: valueOf(done), best: null, examined: 1 };
  let score = -Infinity;
  let best: number | null = null;
  for (let i = 0; i < 9; i++) {
    if (b[i]) continue;
    b[i] = player;
    const s = 0 - child(filled + 1, i, score);
    b[i] = null;
    if (s > score) {
      score = s;
      best = i;
    }
  }
  return { score, value: valueOf(score), best, examined: counted() + 1 };
}

export interface TreeChild {
  move: number;
  /** The position after the move. */
  board: Cell[];
  /** Who made the move. */
  mover: Player;
  /** Score of the position after the move, for `perspective`. */
  score: number;
  value: Value;
  /** Whether this is the move minimax picks for the mover (the highest score for them). */
  picked: boolean;
  over: boolean;
}

/**
 * One level of the game tree, for the tree view: every move from `board`,
 * with its minimax score seen by `perspective` (the computer), and which one
 * the player to move would pick.
 */
export function treeChildren(board: Board, perspective: Player): TreeChild[] {
  const mover = toMove(board);
  const result = minimax(board, mover);
  return result.moves.map(({ move, score }) => {
    const s = mover === perspective ? score : 0 - score;
    const next = play(board, move, mover);
    return { move, board: next, mover, score: s, value: valueOf(s), picked: move === result.best, over: isOver(next) };
  });
}
