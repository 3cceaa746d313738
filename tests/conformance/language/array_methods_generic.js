// Every Array.prototype method once, plus the generic paths: array-likes, strings, holes, cyclic join, stable sort, comparator throws, RangeErrors.
var a = [5, 1, 4, 2, 3];
console.log(a.at(-1), a.at(0), a.at(10));
console.log([1,2].concat([3,[4]], 5, {length:1, 0:'x'}));
console.log([1,2,3,4,5].copyWithin(0, 3), [1,2,3,4,5].copyWithin(1, 0, 3), [1,2,3,4,5].copyWithin(-2, -4, -3));
console.log([1,2,3].every(function(x){return x>0}), [1,2,3].some(function(x){return x>2}), [].every(function(){return false}));
console.log([1,2,3,4].fill(0, 1, 3), new Array(3).fill(7));
console.log([1,2,3,4].filter(function(x){return x%2}), [1,,3].map(function(x){return x*2}));
console.log([1,2,3].find(function(x){return x>1}), [1,2,3].findIndex(function(x){return x>5}), [1,2,3].findLast(function(x){return x<3}), [1,2,3].findLastIndex(function(x){return x<3}));
console.log([1,[2,[3,[4]]]].flat(), [1,[2,[3,[4]]]].flat(Infinity), [1,2].flatMap(function(x){return [x,x*10]}));
var s = 0; [1,2,3].forEach(function(x){ s += x }); console.log(s);
console.log([1,NaN].includes(NaN), [1,NaN].indexOf(NaN), [1,2,1].lastIndexOf(1), [1,2,1].lastIndexOf(1, -2), [1,2,3].indexOf(3, -1));
console.log([1,null,undefined,2].join('-'), [1,[2,3]].join(), [].join());
var c = [1,2]; c.push(c); console.log(c.join(), String(c));
console.log([1,2,3].keys().next(), Array.from([1,2,3].entries()));
console.log([1,2,3].map(String), [1,2,3].reduce(function(a,b){return a+b}), [[1],[2]].reduceRight(function(a,b){return a.concat(b)}, []));
var p = [1,2,3]; console.log(p.pop(), p, p.push(9, 8), p, p.shift(), p, p.unshift(0, -1), p);
console.log([1,2,3,4].reverse(), [1,,3,,].reverse());
console.log([1,2,3,4,5].slice(1,-1), [1,2,3].slice(-2), [1,2,3].slice(5));
console.log([3,1,2].sort(), [10,9,1,100].sort(), [3,undefined,1,,2].sort(), [3,1,2].sort(function(a,b){return b-a}));
var sp = [1,2,3,4,5]; console.log(sp.splice(1, 2, 'a', 'b', 'c'), sp, sp.splice(-1), sp, sp.splice(1), sp);
console.log([1,2,3].toReversed(), [3,1,2].toSorted(), [1,2,3,4].toSpliced(1, 2, 'x'), [1,2,3].with(1, 'y'), [1,2,3].with(-1, 'z'));
try { [1].with(5, 1) } catch (e) { console.log(e.name, e instanceof RangeError) }
console.log([1,2,3].toString());
console.log(Array.of(1,2,3), Array.from({length: 3}, function(_, i){return i*i}), Array.from('abc'), Array.isArray([]), Array.isArray({}));
console.log(new Array(3).length, Array(1,2), new Array('3'), Array.prototype.concat.length, Array.from.length, Array.of.length);
try { new Array(-1) } catch (e) { console.log(e.name) }
try { new Array(1.5) } catch (e) { console.log(e.name) }
var o = {length: 3, 0: 'a', 2: 'c'}; console.log(Array.prototype.join.call(o), Array.prototype.map.call(o, function(x){return x+x}));
console.log(Array.prototype.slice.call('hello', 1, 3), Array.prototype.push.call(o, 'd'), o.length, o[3]);
console.log([0, -0].includes(-0), [-0].indexOf(0), [,].includes(undefined), [,].indexOf(undefined));
var sorted = [{k:1,i:0},{k:0,i:1},{k:1,i:2},{k:0,i:3}].sort(function(a,b){return a.k-b.k}); console.log(sorted.map(function(x){return x.i}).join());
try { [1,2,3].sort(function(){ throw new Error('boom') }) } catch (e) { console.log(e.message) }
console.log([5,1,10].sort(function(a,b){return a-b}), ['b','a',,'c'].sort().length);
