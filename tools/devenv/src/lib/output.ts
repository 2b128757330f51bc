import { stripVTControlCharacters } from 'node:util'

export type Status = 'ok' | 'fail' | 'warn' | 'skip'

const symbols: Record<Status, string> = { ok: '✓', fail: '✗', warn: '!', skip: '-' }
const colors: Record<Status, number> = { ok: 32, fail: 31, warn: 33, skip: 90 }

const useColor = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !process.env.NO_COLOR

/** ✓ / ✗ / ! / -, coloured on a terminal. */
export function mark(status: Status, stream: NodeJS.WriteStream = process.stdout): string {
  const symbol = symbols[status]
  return useColor(stream) ? `\u001b[${colors[status]}m${symbol}\u001b[0m` : symbol
}

const width = (text: string) => [...stripVTControlCharacters(text)].length

/** A plain-text table: columns padded to their widest cell, the last column left ragged. */
export function table(headers: string[], rows: string[][]): string {
  const all = [headers, ...rows]
  const widths = headers.map((_, column) => Math.max(...all.map((row) => width(row[column] ?? ''))))
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - width(cell))))
      .join('  ')
      .trimEnd()
  // The last column is ragged, so its rule stops at a readable length.
  const rule = widths.map((w, column) => '─'.repeat(column === widths.length - 1 ? Math.min(w, 24) : w))
  return [line(headers), line(rule), ...rows.map(line)].join('\n')
}

/**
 * Progress for long steps, on stderr so stdout stays clean: a line rewritten in place on a
 * terminal, a few milestone lines otherwise (CI logs, Tilt's log pane).
 */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const live = Boolean(stream.isTTY)
  let lastQuarter = -1
  return {
    update(done: number) {
      if (live) {
        stream.write(`\r${label} ${done}/${total}`)
        return
      }
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4)
      if (quarter > lastQuarter && quarter < 4) stream.write(`${label} ${done}/${total}\n`)
      lastQuarter = Math.max(lastQuarter, quarter)
    },
    done() {
      stream.write(live ? `\r${label} ${total}/${total}\n` : `${label} ${total}/${total}\n`)
    },
  }
}
