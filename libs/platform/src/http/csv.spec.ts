import { csvChunks, csvField, UTF8_BOM } from './csv';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('张*')).toBe('张*');
    expect(csvField(null)).toBe('');
    expect(csvField(['welding', 'masonry'])).toBe('welding;masonry');
  });

  it('defuses formulas in text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });

  it('starts with a BOM and the header, one CRLF line per row', async () => {
    async function* rows() {
      yield { a: 1, b: '甲' };
      yield { a: 2, b: '乙' };
    }
    let text = '';
    for await (const chunk of csvChunks([{ header: '编号', value: (r: { a: number }) => r.a }, { header: '名', value: (r: { b: string }) => r.b }], rows(), 1)) {
      text += chunk;
    }
    expect(text).toBe(`${UTF8_BOM}编号,名\r\n1,甲\r\n2,乙\r\n`);
  });
});
