import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError, formatProblem } from '../core/errors.js';
import { parseSignedEdgeList, parseSignedEdgeListWindows } from './edges.js';

function problems(text: string, actors?: string[]): string[] {
  try {
    parseSignedEdgeList(text, 'net.csv', actors ? { actors } : {});
  } catch (e) {
    if (e instanceof ConcertError && e.code === 'bad-input') return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('signed edge lists', () => {
  it('reads from,to,sign and from,to,weight files', () => {
    const s = parseSignedEdgeList('from,to,sign\nUSA,GBR,+1\nUSA,RUS,-1\n', 'a.csv');
    expect(s.valueColumn).toBe('sign');
    expect(s.nodes).toEqual(['USA', 'GBR', 'RUS']);
    expect(s.edges).toEqual([
      { from: 'USA', to: 'GBR', weight: 1 },
      { from: 'USA', to: 'RUS', weight: -1 },
    ]);
    const w = parseSignedEdgeList('from,to,weight\nUSA,GBR,0.9\nCHN,RUS,0.6\n', 'b.csv');
    expect(w.edges.map((e) => e.weight)).toEqual([0.9, 0.6]);
  });

  it('reads tribe1,tribe2,sign style headers (endpoints are the two columns before sign)', () => {
    expect(parseSignedEdgeList('tribe1,tribe2,sign\nGavev,Kotun,1\n', 't.csv').edges).toHaveLength(1);
  });

  it('reports every problem with file:line:column', () => {
    const text = [
      'from,to,weight',
      'USA,USA,0.5',
      'USA,RUS,-0.5',
      'RUS,USA,0.4',
      'CHN,RUS,1.5',
      'CHN,GBR,abc',
      'USA,CHN,-0.2',
      'CHN,USA,-0.3',
    ].join('\n');
    expect(problems(text)).toEqual([
      'net.csv:2:5: self-loop: an actor cannot relate to itself ("USA")',
      'net.csv:4:9: duplicate edge RUS–USA with a conflicting sign (0.4; line 3 gives -0.5)',
      'net.csv:5:9: weight 1.5 is outside [-1, 1]',
      'net.csv:6:9: expected a weight (a number in [-1, 1]), found "abc"',
      'net.csv:8:9: duplicate edge CHN–USA with a conflicting weight (-0.3; line 7 gives -0.2)',
    ]);
  });

  it('reports unknown actors when the world’s actors are given', () => {
    expect(problems('from,to,sign\nUSA,XYZ,1\nABC,RUS,-1\n', ['USA', 'RUS'])).toEqual([
      'net.csv:2:5: unknown actor "XYZ": expected one of the world\'s actor ids',
      'net.csv:3:1: unknown actor "ABC": expected one of the world\'s actor ids',
    ]);
  });

  it('rejects signs other than ±1, a missing header and short rows', () => {
    expect(problems('from,to,sign\nA,B,0\n')).toEqual(['net.csv:2:5: expected a sign +1 or -1, found "0"']);
    expect(problems('a,b,c\nA,B,1\n')[0]).toMatch(
      /^net.csv:1:1: expected a header with columns from,to,sign/,
    );
    expect(problems('from,to,sign\nA,B\n')).toEqual(['net.csv:2:1: expected at least 3 columns, found 2']);
  });

  it('splits a windowed file and refuses to read it as one network', () => {
    const text =
      'window,start_year,end_year,state1,state2,sign\n46-49,1946,1949,A,B,1\n47-50,1947,1950,A,B,-1\n';
    const w = parseSignedEdgeListWindows(text, 'w.csv');
    expect(w.map((x) => [x.window, x.startYear, x.endYear, x.edges[0]?.weight])).toEqual([
      ['46-49', 1946, 1949, 1],
      ['47-50', 1947, 1950, -1],
    ]);
    expect(problems(text)[0]).toMatch(/holds 2 windows/);
  });

  it('never throws anything but a located bad-input error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        try {
          parseSignedEdgeList(`from,to,weight\n${body}`, 'x.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(ConcertError);
          expect((e as ConcertError).problems.every((p) => p.file === 'x.csv')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
