# Lists the largest int[] arrays in a Java heap dump (HPROF) and the classes that hold them, to check
# that training keeps one copy of the encoded corpus. Usage, while `nmt train` runs:
#   jcmd $(pgrep -f "jnmt.jar train") GC.heap_dump /tmp/train.hprof && python3 scripts/heap-int-arrays.py /tmp/train.hprof
# (a holder is any instance whose field values include the array's id; arrays held only by object
# arrays are listed without a holder).
import struct, sys, collections
data = open(sys.argv[1], 'rb').read()
p = data.index(b'\0') + 1
idsize = struct.unpack('>I', data[p:p+4])[0]; p += 12
def rid(q): return int.from_bytes(data[q:q+idsize], 'big')
sizes = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
strings = {}; classnames = {}
big = {}   # array id -> length
instances = []
while p < len(data):
    tag = data[p]; length = struct.unpack('>I', data[p+5:p+9])[0]; body = p + 9; end = body + length
    if tag == 0x01:
        strings[rid(body)] = data[body+idsize:end].decode('utf8', 'replace')
    elif tag == 0x02:
        classnames[rid(body+4)] = rid(body+8+idsize)
    elif tag in (0x0c, 0x1c):
        q = body
        while q < end:
            st = data[q]; q += 1
            if st == 0xff: q += idsize
            elif st in (0x01,): q += 2*idsize
            elif st in (0x02, 0x03): q += idsize + 8
            elif st == 0x04: q += idsize + 4
            elif st in (0x05, 0x07): q += idsize
            elif st == 0x06: q += idsize + 4
            elif st == 0x08: q += idsize + 8
            elif st == 0x20:
                q += idsize + 4 + 6*idsize + 4                 # class id, stack serial, 6 ids, instance size
                n = struct.unpack('>H', data[q:q+2])[0]; q += 2
                for _ in range(n):
                    t = data[q+2]; q += 3 + sizes[t]
                n = struct.unpack('>H', data[q:q+2])[0]; q += 2
                for _ in range(n):
                    t = data[q+idsize]; q += idsize + 1 + sizes[t]
                n = struct.unpack('>H', data[q:q+2])[0]; q += 2 + n * (idsize + 1)   # instance field names and types
            elif st == 0x21:
                oid = rid(q); cid = rid(q+idsize+4); n = struct.unpack('>I', data[q+2*idsize+4:q+2*idsize+8])[0]
                q += 2*idsize + 8
                instances.append((oid, cid, q, n)); q += n
            elif st == 0x22:
                oid = rid(q); n = struct.unpack('>I', data[q+idsize+4:q+idsize+8])[0]; q += 2*idsize + 8
                q += n * idsize
            elif st == 0x23:
                oid = rid(q); n = struct.unpack('>I', data[q+idsize+4:q+idsize+8])[0]; t = data[q+idsize+8]; q += idsize + 9
                if t == 10 and n >= 50000: big[oid] = n
                q += n * sizes[t]
            else:
                raise SystemExit('unknown subtag %x' % st)
    p = end
total = 0
print('int[] with >= 50,000 elements:')
for oid, n in sorted(big.items(), key=lambda x: -x[1]):
    print('  %10d ints (%.1f MB)' % (n, n * 4 / 1e6)); total += n
print('  total %.1f MB' % (total * 4 / 1e6))
# an instance holds a big array when its field bytes contain the array's id
holders = collections.Counter()
for oid, cid, q, n in instances:
    blob = data[q:q+n]
    for k in range(0, n - idsize + 1, 4):
        v = int.from_bytes(blob[k:k+idsize], 'big')
        if v in big:
            holders[(strings.get(classnames.get(cid), '?'), big[v])] += 1
for (cls, n), c in holders.most_common(20): print('  held by', cls.replace('/', '.'), n)
