const KNOWN: [RegExp, string][] = [
  [/Apache License[\s\S]{0,200}Version 2\.0/i, 'Apache-2.0'],
  [/Mulan Permissive Software License[\s\S]{0,100}Version 2|木兰宽松许可证[\s\S]{0,20}第2版/i, 'MulanPSL-2.0'],
  [/Mozilla Public License,? Version 2\.0/i, 'MPL-2.0'],
  [/GNU AFFERO GENERAL PUBLIC LICENSE[\s\S]{0,100}Version 3/i, 'AGPL-3.0'],
  [/GNU LESSER GENERAL PUBLIC LICENSE[\s\S]{0,100}Version 3/i, 'LGPL-3.0'],
  [/GNU GENERAL PUBLIC LICENSE[\s\S]{0,100}Version 3/i, 'GPL-3.0'],
  [/GNU GENERAL PUBLIC LICENSE[\s\S]{0,100}Version 2/i, 'GPL-2.0'],
  [/Creative Commons Attribution 4\.0|CC BY 4\.0/i, 'CC-BY-4.0'],
  [/Permission is hereby granted, free of charge/i, 'MIT'],
  [/Redistribution and use in source and binary forms[\s\S]*Neither the name/i, 'BSD-3-Clause'],
  [/Redistribution and use in source and binary forms/i, 'BSD-2-Clause'],
  [/ISC License|Permission to use, copy, modify, and\/or distribute this software/i, 'ISC'],
];

/**
 * Names the license of a LICENSE file: its SPDX identifier line if any, else a match on well-known wording.
 *
 * Before: `Apache License\n Version 2.0, January 2004 …`   After: `Apache-2.0`
 */
export function identifyLicense(text: string): string | undefined {
  const spdx = /SPDX-License-Identifier:\s*([\w.+-]+(?:\s+(?:OR|AND|WITH)\s+[\w.+-]+)*)/.exec(text);
  if (spdx) return spdx[1];
  for (const [pattern, id] of KNOWN) if (pattern.test(text)) return id;
  return undefined;
}
