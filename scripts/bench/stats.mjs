// Small helpers shared by the parts of `npm run bench`.

/** The median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Bytes as kilobytes, one decimal. */
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
