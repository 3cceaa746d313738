// typeof for every kind of value, and == vs === coercions (null == undefined, '' == 0, objects via valueOf/toString,
// NaN never equal), plus Object.is.
console.log(typeof 1, typeof 'a', typeof true, typeof undefined, typeof null, typeof {}, typeof [], typeof (() => {}), typeof class {}, typeof Symbol(), typeof 1n);
console.log(null == undefined, null === undefined, null == 0, null >= 0, undefined == 0);
console.log('' == 0, '0' == 0, '' == '0', false == '0', false == [], [] == ![], [0] == false);
console.log(NaN == NaN, NaN === NaN, Object.is(NaN, NaN), Object.is(0, -0), [NaN].indexOf(NaN));
const o = { valueOf() { return 42; }, toString() { return 'str'; } };
console.log(o == 42, o + 1, `${o}`, o > 41, String(o), o + '');
console.log(1 < 2 < 3, 3 > 2 > 1, '10' < '9', 10 < '9', 'a' < 'b');
console.log([] + [], [] + {}, 1 + '2', '3' * '4', true + 1, null + 1, undefined + 1, '5' - 2, +'', +[], +{});
console.log(!!'', !!'0', !![], !!0n, !!NaN, !!document_is_undeclared_but_typeof_is_safe());
function document_is_undeclared_but_typeof_is_safe() { return typeof document !== 'undefined'; }
