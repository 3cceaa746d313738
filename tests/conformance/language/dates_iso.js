// Dates from fixed ISO strings and UTC components (never the current time): parsing, toISOString, getters in
// UTC, date arithmetic, invalid dates, and JSON. Local-time getters are avoided (they depend on the TZ).
const d = new Date('2024-02-28T23:30:00.000Z');
console.log(d.toISOString(), d.getTime(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay());
const next = new Date(d.getTime() + 60 * 60 * 1000);
console.log(next.toISOString(), 'leap day:', next.getUTCDate());
console.log(new Date(Date.UTC(2020, 11, 31, 12)).toISOString(), Date.UTC(1970, 0, 1), new Date(0).toISOString());
console.log(Date.parse('2000-01-01T00:00:00Z'), Date.parse('2000-01-01'), new Date('2024-03-10T10:00:00+02:00').toISOString());
const bad = new Date('not a date');
console.log(bad.getTime(), String(bad), isNaN(bad), JSON.stringify({ bad, good: d }));
try { bad.toISOString(); } catch (e) { console.log(e.constructor.name); }
const a = new Date('2024-01-01T00:00:00Z'), b = new Date('2024-03-01T00:00:00Z');
console.log((b - a) / 86400000, a < b, new Date(a).setUTCMonth(12) === Date.UTC(2025, 0, 1));
console.log(d.toUTCString(), typeof Date(), new Date(8.64e15 + 1).getTime());
