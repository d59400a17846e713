#!/usr/bin/env python3
"""A 20 MB document in thrift-ls (issue 14, defect 9).

Usage: big-document.py [--open-only] THRIFT_LS [DIR]

Writes DIR/big.thrift (default: a temporary directory): 174,330 structs
with a doc comment and three fields, 20 MB. Opens it, times the first
diagnostics, seven one-line edits (each to its diagnostics) and a
documentSymbol request (time and size of the response), and prints the
server's peak and current resident memory (VmHWM, VmRSS) after each.
--open-only stops after the first diagnostics. THRIFT_LS may be a command
with arguments, e.g. "heaptrack -o /tmp/ht target/release/thrift-ls" (the
memory printed is then the wrapper's). An existing DIR/big.thrift is used
as it is, so other shapes of file can be measured.
"""
import json, subprocess, sys, tempfile, time, threading, os

def generate(path):
    out, size, i = [], 0, 0
    while size < 20_000_000:
        s = ('/** Doc %d. */\nstruct Big%d {\n  1: required i64 id\n'
             '  2: optional string name = "n"\n  3: list<i32> values\n}\n\n' % (i, i))
        out.append(s)
        size += len(s)
        i += 1
    with open(path, 'w') as f:
        f.write(''.join(out))

args = sys.argv[1:]
open_only = '--open-only' in args
args = [a for a in args if a != '--open-only']
binary = args[0]
directory = args[1] if len(args) > 1 else tempfile.mkdtemp()
path = os.path.join(directory, 'big.thrift')
if not os.path.exists(path):
    generate(path)
text = open(path).read()
p = subprocess.Popen(binary.split() + ['--stdio'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
msgs = []
cv = threading.Condition()
def reader():
    f = p.stdout
    while True:
        n = 0
        while True:
            line = f.readline()
            if not line: return
            line = line.strip()
            if not line: break
            if line.lower().startswith(b'content-length:'): n = int(line.split(b':')[1])
        body = f.read(n)
        with cv:
            msgs.append((time.time(), len(body), json.loads(body)))
            cv.notify_all()
threading.Thread(target=reader, daemon=True).start()
def send(o):
    b = json.dumps(o).encode()
    p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def wait(pred):
    with cv:
        while True:
            for m in msgs:
                if pred(m[2]): msgs.remove(m); return m
            cv.wait(120)
def peak():
    for l in open('/proc/%d/status' % p.pid):
        if l.startswith('VmHWM'): h=l.split()[1]
        if l.startswith('VmRSS'): r=l.split()[1]
    return 'peak %d MB rss %d MB' % (int(h)//1024, int(r)//1024)
uri = 'file://' + os.path.abspath(path)
root = 'file://' + os.path.dirname(os.path.abspath(path))
send({'jsonrpc':'2.0','id':1,'method':'initialize','params':{'processId':None,'rootUri':root,'capabilities':{}}})
wait(lambda m: m.get('id')==1)
send({'jsonrpc':'2.0','method':'initialized','params':{}})
t=time.time()
send({'jsonrpc':'2.0','method':'textDocument/didOpen','params':{'textDocument':{'uri':uri,'languageId':'thrift','version':1,'text':text}}})
m=wait(lambda m: m.get('method')=='textDocument/publishDiagnostics' and m['params'].get('version')==1)
print('open -> diagnostics %.2fs' % (m[0]-t), peak())
for v in range(2, 2 if open_only else 9):
    t=time.time()
    send({'jsonrpc':'2.0','method':'textDocument/didChange','params':{'textDocument':{'uri':uri,'version':v},'contentChanges':[{'range':{'start':{'line':0,'character':0},'end':{'line':0,'character':0}},'text':'// x\n'}]}})
    m=wait(lambda m: m.get('method')=='textDocument/publishDiagnostics' and m['params'].get('version')==v)
    print('edit %d -> diagnostics %.2fs' % (v, m[0]-t), peak())
if not open_only:
    t=time.time()
    send({'jsonrpc':'2.0','id':2,'method':'textDocument/documentSymbol','params':{'textDocument':{'uri':uri}}})
    m=wait(lambda m: m.get('id')==2)
    print('documentSymbol %.2fs, %.1f MB' % (m[0]-t, m[1]/1e6), peak())
send({'jsonrpc':'2.0','id':3,'method':'shutdown'}); wait(lambda m: m.get('id')==3)
send({'jsonrpc':'2.0','method':'exit'}); p.wait()
