// Accessor properties print as [Getter], [Setter] or [Getter/Setter] without invoking the getter;
// class getters live on the prototype and are not shown at all.
let invoked = 0;
const o = {
  plain: 1,
  get onlyGet() { invoked++; return 'g'; },
  set onlySet(v) {},
  get both() { return 1; }, set both(v) {},
};
console.log(o, 'getter invoked:', invoked);
class K { get computed() { return 42; } constructor() { this.field = 1; } }
console.log(new K(), [o]);
