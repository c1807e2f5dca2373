/* XLSForm expressions in the browser: the same grammar and rules as expressions.py.
 * Only for showing and hiding questions as answers change; the server decides on submit.
 * Never eval: tokens, a recursive-descent parser, a tree walker. */
(function (global) {
  "use strict";
  var FUNCTIONS = { "not": [1, 1], "selected": [2, 2], "count-selected": [1, 1],
    "string-length": [1, 1], "if": [3, 3], "true": [0, 0], "false": [0, 0],
    "number": [1, 1], "concat": [1, 20] };
  var KEYWORDS = { "and": 1, "or": 1, "div": 1, "mod": 1 };
  var TOKEN = /\s+|\$\{([^}]*)\}|(\d+(?:\.\d*)?|\.\d+)|('[^']*'|"[^"]*")|(<=|>=|!=|=|<|>|\+|-|\*|\(|\)|,)|(\.)|([A-Za-z_][A-Za-z0-9_\-]*)/y;
  var LEVELS = [["or"], ["and"], ["=", "!=", "<", "<=", ">", ">="], ["+", "-"], ["*", "div", "mod"]];

  function ExpressionError(message) { this.name = "ExpressionError"; this.message = message; }

  function tokenize(text) {
    var tokens = [], pos = 0, m;
    if (text.length > 2000) throw new ExpressionError("too long");
    while (pos < text.length) {
      TOKEN.lastIndex = pos;
      m = TOKEN.exec(text);
      if (!m) throw new ExpressionError("Unexpected character at " + (pos + 1));
      if (m[1] !== undefined) tokens.push(["ref", m[1].trim()]);
      else if (m[2] !== undefined) tokens.push(["number", m[2]]);
      else if (m[3] !== undefined) tokens.push(["string", m[3].slice(1, -1)]);
      else if (m[4] !== undefined) tokens.push(["op", m[4]]);
      else if (m[5] !== undefined) tokens.push(["dot", "."]);
      else if (m[6] !== undefined) tokens.push([KEYWORDS[m[6]] ? "op" : "name", m[6]]);
      pos = TOKEN.lastIndex;
    }
    return tokens;
  }

  function parse(text) {
    var tokens = tokenize(text), i = 0, depth = 0;
    function peek() { return tokens[i] || ["end", ""]; }
    function take() { return tokens[i++] || ["end", ""]; }
    function expect(v) { var t = take(); if (t[0] !== "op" || t[1] !== v) throw new ExpressionError("Expected " + v); }
    function deeper() { if (++depth > 60) throw new ExpressionError("too deep"); }
    function binary(level) {
      if (level === LEVELS.length) return unary();
      deeper();
      var left = binary(level + 1);
      while (peek()[0] === "op" && LEVELS[level].indexOf(peek()[1]) >= 0) {
        var op = take()[1];
        left = ["bin", op, left, binary(level + 1)];
        if (level === 2 && peek()[0] === "op" && LEVELS[2].indexOf(peek()[1]) >= 0) throw new ExpressionError("chained comparison");
      }
      depth--;
      return left;
    }
    function unary() {
      if (peek()[0] === "op" && peek()[1] === "-") { take(); deeper(); var n = ["neg", unary()]; depth--; return n; }
      return primary();
    }
    function primary() {
      var t = take();
      if (t[0] === "number") return ["lit", parseFloat(t[1])];
      if (t[0] === "string") return ["lit", t[1]];
      if (t[0] === "ref") return ["ref", t[1]];
      if (t[0] === "dot") return ["dot"];
      if (t[0] === "op" && t[1] === "(") { deeper(); var n = binary(0); depth--; expect(")"); return n; }
      if (t[0] === "name" && FUNCTIONS[t[1]]) {
        expect("(");
        var args = [];
        if (peek()[1] !== ")") {
          args.push(binary(0));
          while (peek()[0] === "op" && peek()[1] === ",") { take(); args.push(binary(0)); }
        }
        expect(")");
        if (args.length < FUNCTIONS[t[1]][0] || args.length > FUNCTIONS[t[1]][1]) throw new ExpressionError("arguments of " + t[1]);
        return ["call", t[1], args];
      }
      throw new ExpressionError("Unexpected " + t[1]);
    }
    if (!tokens.length) throw new ExpressionError("empty");
    var tree = binary(0);
    if (i < tokens.length) throw new ExpressionError("Unexpected " + tokens[i][1]);
    return tree;
  }

  function asText(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (Array.isArray(v)) return v.map(asText).join(" ");
    if (typeof v === "number") return isNaN(v) ? "" : String(v);
    return String(v);
  }
  function asNumber(v) {
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "number") return v;
    var s = asText(v).trim();
    return s === "" || isNaN(Number(s)) ? NaN : Number(s);
  }
  function asBool(v) {
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return !isNaN(v) && v !== 0;
    if (Array.isArray(v)) return v.length > 0;
    return asText(v) !== "";
  }
  function selectedValues(v) { return Array.isArray(v) ? v.map(asText) : asText(v).split(/\s+/).filter(Boolean); }
  function compare(op, l, r) {
    var numeric = typeof l === "number" || typeof r === "number";
    if (op === "=" || op === "!=") {
      var eq;
      if (numeric) eq = asNumber(l) === asNumber(r);
      else if (typeof l === "boolean" || typeof r === "boolean") eq = asBool(l) === asBool(r);
      else eq = asText(l) === asText(r);
      return op === "=" ? eq : !eq;
    }
    if (asText(l) === "" || asText(r) === "") return false;
    var a = asNumber(l), b = asNumber(r);
    if (isNaN(a) || isNaN(b)) { a = asText(l); b = asText(r); }
    return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
  }
  function arith(op, l, r) {
    var a = asNumber(l), b = asNumber(r);
    if (op === "+") return a + b;
    if (op === "-") return a - b;
    if (op === "*") return a * b;
    if (b === 0 || isNaN(b)) return NaN;
    return op === "div" ? a / b : a % b;
  }
  function walk(n, get, current) {
    switch (n[0]) {
      case "lit": return n[1];
      case "ref": return get(n[1]);
      case "dot": return current === undefined || current === null ? "" : current;
      case "neg": return -asNumber(walk(n[1], get, current));
      case "call":
        if (n[1] === "if") return walk(n[2][asBool(walk(n[2][0], get, current)) ? 1 : 2], get, current);
        var a = n[2].map(function (x) { return walk(x, get, current); });
        switch (n[1]) {
          case "not": return !asBool(a[0]);
          case "selected": return selectedValues(a[0]).indexOf(asText(a[1])) >= 0;
          case "count-selected": return selectedValues(a[0]).length;
          case "string-length": return asText(a[0]).length;
          case "true": return true;
          case "false": return false;
          case "number": return asNumber(a[0]);
          default: return a.map(asText).join("");
        }
    }
    var op = n[1], l = walk(n[2], get, current);
    if (op === "or") return asBool(l) || asBool(walk(n[3], get, current));
    if (op === "and") return asBool(l) && asBool(walk(n[3], get, current));
    var r = walk(n[3], get, current);
    if (["=", "!=", "<", "<=", ">", ">="].indexOf(op) >= 0) return compare(op, l, r);
    return arith(op, l, r);
  }
  var cache = {};
  function evaluate(text, get, current) {
    if (!cache[text]) cache[text] = parse(text);
    return walk(cache[text], get, current);
  }
  global.PrevnetExpressions = { evaluate: evaluate, isTrue: function (t, g, c) { return asBool(evaluate(t, g, c)); },
    ExpressionError: ExpressionError };
})(window);
