// GB/T 1.1-2020 (9.3) has a document refer to itself as "本文件", whatever kind of document it is.
const SELF = /本规范|本标准/g;

/**
 * Replaces the ways a Chinese spec names itself by "本文件" (same length, so offsets into the text stay valid).
 *
 * Before: `本规范规定了数据帧的格式。`   After: `本文件规定了数据帧的格式。` (count 1)
 */
export function rewriteSelfReference(value: string): { value: string; count: number } {
  if (!value.includes('本')) return { value, count: 0 };
  let count = 0;
  const out = value.replace(SELF, () => {
    count++;
    return '本文件';
  });
  return { value: out, count };
}
