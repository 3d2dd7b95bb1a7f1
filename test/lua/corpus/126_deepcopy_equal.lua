local function deepcopy(v, seen)
  if type(v) ~= "table" then return v end
  seen = seen or {}
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  for k, val in pairs(v) do c[deepcopy(k, seen)] = deepcopy(val, seen) end
  return setmetatable(c, getmetatable(v))
end
local function deepeq(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do if not deepeq(v, b[k], seen) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
local orig = {1, 2, {3, 4, {5}}, name = "x", nested = {deep = {deeper = true}}}
orig.self = orig
local cp = deepcopy(orig)
print(cp ~= orig, cp.self == cp, cp[3] ~= orig[3], cp[3][3][1], cp.nested.deep.deeper)
print(deepeq(orig, cp), deepeq({1, 2}, {1, 2}), deepeq({1, 2}, {1, 2, 3}), deepeq({a = {}}, {a = {}}))
cp.nested.deep.deeper = false
print(orig.nested.deep.deeper, deepeq(orig, cp))
local mt = {__index = function() return "meta" end}
local withmt = setmetatable({}, mt)
local cpm = deepcopy(withmt)
print(getmetatable(cpm) == mt, cpm.anything)
print(deepeq(1, 1), deepeq("a", "b"), deepeq(nil, false), deepeq({}, {}))
local function serialize(v, indent)
  indent = indent or ""
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) ~= type(b) then return type(a) < type(b) end
    return a < b
  end)
  local out = {}
  for _, k in ipairs(keys) do
    local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. serialize(k) .. "]"
    out[#out + 1] = indent .. "  " .. ks .. " = " .. serialize(v[k], indent .. "  ")
  end
  if #out == 0 then return "{}" end
  return "{\n" .. table.concat(out, ",\n") .. "\n" .. indent .. "}"
end
orig.self = nil
print(serialize(orig))
print(serialize({[1.5] = "f", [true] = 1, ["with space"] = {}, [-1] = "neg"}))
