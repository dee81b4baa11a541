/**
 * A strict XML well-formedness check for the tests (no DTDs, which our outputs never hold):
 * one root element, tags nested and closed in order, attribute values quoted, and no raw '<' or
 * '&' outside markup except the five predefined entities and character references.
 * Returns the problems found (empty when well-formed).
 */
export const xmlProblems = (xml: string): string[] => {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const name = '[A-Za-z_][\\w.:-]*';
  const attribute = `\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
  const startTag = new RegExp(`^<(${name})((?:${attribute})*)\\s*(/?)>`);
  const endTag = new RegExp(`^</(${name})\\s*>`);
  const entity = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  const checkEntities = (text: string, at: number): void => {
    for (let j = text.indexOf('&'); j >= 0; j = text.indexOf('&', j + 1)) {
      if (!entity.test(text.slice(j))) problems.push(`bad entity at ${at + j}`);
    }
  };
  let i = 0;
  const declaration = /^<\?xml[^?]*\?>/.exec(xml);
  if (declaration) i = declaration[0].length;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.includes('>')) problems.push(`raw '>' in text (our writers escape it) at ${i}`);
    checkEntities(text, i);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root at ${i}`);
    if (lt < 0) break;
    const rest = xml.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return [...problems, `unterminated comment at ${lt}`];
      i = lt + end + 3;
      continue;
    }
    if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end < 0) return [...problems, `unterminated CDATA at ${lt}`];
      i = lt + end + 3;
      continue;
    }
    const close = endTag.exec(rest);
    if (close) {
      const open = stack.pop();
      if (open !== close[1]) problems.push(`</${close[1]}> closes <${open}> at ${lt}`);
      i = lt + close[0].length;
      continue;
    }
    const start = startTag.exec(rest);
    if (start) {
      checkEntities(start[2] ?? '', lt);
      if (stack.length === 0) roots += 1;
      if (start[3] !== '/') stack.push(start[1] ?? '');
      i = lt + start[0].length;
      continue;
    }
    return [...problems, `malformed markup at ${lt}: ${rest.slice(0, 40)}`];
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
};
