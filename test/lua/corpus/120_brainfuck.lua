local function run(code, input)
  local tape, ptr, pc, out, inpos = {}, 1, 1, {}, 1
  local jumps, stack = {}, {}
  for i = 1, #code do
    local c = code:sub(i, i)
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then
      local j = table.remove(stack)
      if not j then error("unmatched ] at " .. i, 0) end
      jumps[i], jumps[j] = j, i
    end
  end
  if #stack > 0 then error("unmatched [ at " .. stack[#stack], 0) end
  local steps = 0
  while pc <= #code do
    local c = code:sub(pc, pc)
    steps = steps + 1
    if c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "+" then tape[ptr] = ((tape[ptr] or 0) + 1) % 256
    elseif c == "-" then tape[ptr] = ((tape[ptr] or 0) - 1) % 256
    elseif c == "." then out[#out + 1] = string.char(tape[ptr] or 0)
    elseif c == "," then tape[ptr] = (input or ""):byte(inpos) or 0 inpos = inpos + 1
    elseif c == "[" then if (tape[ptr] or 0) == 0 then pc = jumps[pc] end
    elseif c == "]" then if (tape[ptr] or 0) ~= 0 then pc = jumps[pc] end
    end
    pc = pc + 1
  end
  return table.concat(out), steps
end
local hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
local out, steps = run(hello)
io.write(out)
print(steps)
print(run(",[.,]", "echo"))
print(run(",>,<[->+<]>.", "\20\30"):byte())
print(pcall(run, "[[]"))
print(pcall(run, "]"))
print(run("-."):byte())
