/** Licence texts recognised by a phrase that only that licence uses (checked in order). */
const LICENSES: readonly { spdx: string; pattern: RegExp }[] = [
  { spdx: 'Apache-2.0', pattern: /Apache License,?\s+Version 2\.0/i },
  {
    spdx: 'MulanPSL-2.0',
    pattern: /Mulan Permissive Software License[，,]?\s*Version 2|木兰宽松许可证[，,]?\s*第\s*2\s*版/i,
  },
  { spdx: 'AGPL-3.0', pattern: /GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: 'LGPL-3.0', pattern: /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: 'LGPL-2.1', pattern: /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i },
  { spdx: 'GPL-3.0', pattern: /GNU GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: 'GPL-2.0', pattern: /GNU GENERAL PUBLIC LICENSE\s+Version 2/i },
  { spdx: 'MPL-2.0', pattern: /Mozilla Public License,?\s+(Version|v\.?)\s*2\.0/i },
  { spdx: 'EPL-2.0', pattern: /Eclipse Public License\s*-?\s*v\s*2\.0/i },
  { spdx: 'BSL-1.0', pattern: /Boost Software License\s*-?\s*Version 1\.0/i },
  { spdx: 'MIT', pattern: /Permission is hereby granted, free of charge/i },
  { spdx: 'ISC', pattern: /Permission to use, copy, modify, and(\/or)? distribute this software for any/i },
  { spdx: 'Unlicense', pattern: /This is free and unencumbered software released into the public domain/i },
  { spdx: 'CC0-1.0', pattern: /CC0 1\.0 Universal/i },
];

/** Licences approved by the Open Source Initiative (the common ones; SPDX ids with and without -only/-or-later). */
const OSI_APPROVED = new Set([
  'Apache-2.0',
  'MIT',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'ISC',
  'MPL-2.0',
  'EPL-2.0',
  'EPL-1.0',
  'BSL-1.0',
  'GPL-2.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'LGPL-2.1',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'AGPL-3.0',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'MulanPSL-2.0',
  'Unlicense',
  'Zlib',
  'Artistic-2.0',
  'UPL-1.0',
  'EUPL-1.2',
  'CDDL-1.0',
  'MIT-0',
  'PostgreSQL',
  'NCSA',
]);

/** Whether an SPDX id names an OSI-approved licence. */
export function isOsiApproved(spdx: string): boolean {
  return OSI_APPROVED.has(spdx);
}

/**
 * Recognises a licence from its text: an `SPDX-License-Identifier:` line wins, else a phrase unique to a licence.
 * Returns the SPDX id and the (1-based) line that identifies it.
 */
export function detectLicense(text: string): { spdx: string; line: number } | null {
  const tag = /SPDX-License-Identifier:\s*([A-Za-z0-9.+-]+)/.exec(text);
  if (tag) return { spdx: tag[1]!, line: lineOf(text, tag.index) };
  for (const { spdx, pattern } of LICENSES) {
    const match = pattern.exec(text);
    if (match) return { spdx, line: lineOf(text, match.index) };
  }
  const bsd = /Redistribution and use in source and binary forms/i.exec(text);
  if (bsd)
    return { spdx: /Neither the name/i.test(text) ? 'BSD-3-Clause' : 'BSD-2-Clause', line: lineOf(text, bsd.index) };
  return null;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
