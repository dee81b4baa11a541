/** A strict RFC 4180 reader, for checking trajectories.csv. */

/** The leading comment lines (`# ...`, CRLF-terminated) and the RFC 4180 text after them. */
export const splitCsvComments = (text: string): { comments: string[]; body: string } => {
  const comments: string[] = [];
  let rest = text;
  while (rest.startsWith('#')) {
    const end = rest.indexOf('\r\n');
    if (end < 0) throw new Error('comment line without CRLF');
    comments.push(rest.slice(0, end).replace(/^# ?/, ''));
    rest = rest.slice(end + 2);
  }
  return { comments, body: rest };
};

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
export const readCsv = (file: string): string[][] => {
  const text = splitCsvComments(file).body;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (text[i] !== ',' && text[i] !== '\r')
          throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record without CRLF');
  return records;
};
