#!/usr/bin/env python3
"""shapedlink.py -- a slow network between the clients and the loopback Dovecot (issue 19).

This kernel has neither the netem nor the fq qdisc (modules cannot be loaded), so the link is made of
two pieces, never touching the machine's own loopback or interfaces:

  client (in netns NS) --> 127.0.0.1:PORT in NS --[relay: +RTT/2 each way]--> veth (tbf RATE both ways)
        --> 10.231.X.1:PORT on the host side --[same relay process]--> 127.0.0.1:PORT (Dovecot)

- The network namespace NS and the veth pair are created here (`ip netns add`, `ip link add ...
  type veth`), and removed by close(). The host end carries one /30 address; nothing is routed.
- Rate: a tbf qdisc on each end of the veth (server -> client on the host end, client -> server on
  the namespace end).
- Delay: the relay reads each chunk as it arrives and writes it on after the one-way delay (RTT/2),
  in order, in both directions. Its listening socket lives in NS on NS's own 127.0.0.1:PORT (so the
  clients keep "localhost", whose name the test certificate carries), its connection to the host
  end is opened from inside NS, over the veth; the host end listens on the veth address and
  connects to Dovecot. One asyncio process, sockets made in each namespace with setns(2) (ctypes).

Limits: the TCP connections of the clients and of Dovecot see a short round trip (the delay is
added by the relay between them), so TCP's slow start and window growth over a long path are not
reproduced: bulk transfers reach the tbf rate at once, which flatters long first syncs a little on
a real 80 ms path; request/response round trips (what resyncs are made of) are exact to ~1 ms. The
relay costs some CPU (Python copies every byte twice): measured in the result as the relay's CPU time.

    shapedlink.py relay --netns NS --port P --veth-ip 10.231.X.1 --target-port P --delay-ms D
"""
import argparse
import asyncio
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time

CLONE_NEWNET = 0x40000000
CHUNK = 256 * 1024

LINKS = {
    # name: (round trip in ms, rate in Mbit/s, label)
    "lan": (20, 100, "20 ms RTT, 100 Mbit/s"),
    "rural": (80, 10, "80 ms RTT, 10 Mbit/s (rural school)"),
}


# ------------------------------------------------------------------ relay process
def _setns(fd):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, "setns: " + os.strerror(err))


class InNamespace:
    """Sockets created inside the block belong to the given network namespace."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        self.home = os.open("/proc/self/ns/net", os.O_RDONLY)
        fd = os.open(self.path, os.O_RDONLY)
        try:
            _setns(fd)
        finally:
            os.close(fd)

    def __exit__(self, *exc):
        _setns(self.home)
        os.close(self.home)


async def pump(reader, writer, delay):
    """Copies reader -> writer, each chunk written delay seconds after it was read, in order."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def read_side():
        while True:
            data = await reader.read(CHUNK)
            queue.put_nowait((loop.time() + delay, data))
            if not data:
                return

    async def write_side():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                try:
                    writer.write_eof()
                except OSError:
                    pass
                return
            writer.write(data)
            await writer.drain()

    try:
        await asyncio.gather(read_side(), write_side())
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def relay(args):
    ns_path = "/var/run/netns/" + args.netns
    delay = args.delay_ms / 1000.0
    veth_port = args.port

    async def host_side(reader, writer):          # veth -> Dovecot on the host's loopback
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", args.target_port)
        except OSError:
            writer.close()
            return
        for s in (writer, up_w):
            s.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        await asyncio.gather(pump(reader, up_w, 0.0), pump(up_r, writer, 0.0))

    async def ns_side(reader, writer):            # client in NS -> (delay) -> veth
        with InNamespace(ns_path):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            await asyncio.get_running_loop().sock_connect(s, (args.veth_ip, veth_port))
            up_r, up_w = await asyncio.open_connection(sock=s)
        except OSError:
            s.close()
            writer.close()
            return
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        await asyncio.gather(pump(reader, up_w, delay), pump(up_r, writer, delay))

    host_sock = socket.create_server((args.veth_ip, veth_port), reuse_port=False)
    with InNamespace(ns_path):
        ns_sock = socket.create_server(("127.0.0.1", args.port))
    s1 = await asyncio.start_server(host_side, sock=host_sock)
    s2 = await asyncio.start_server(ns_side, sock=ns_sock)
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    s1.close()
    s2.close()
    t = os.times()
    print("cpu %.3f" % (t.user + t.system), file=sys.stderr, flush=True)


# ------------------------------------------------------------------ set-up from the bench
def _die_with_parent():
    """The relay gets SIGTERM when the bench process ends, however it ends (prctl PR_SET_PDEATHSIG)."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)

def _ip(*args, ns=None, check=True):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + list(args)
    return subprocess.run(cmd, check=check, capture_output=True, text=True)


class ShapedLink:
    """The namespace, the veth with tbf on both ends, and the relay; close() undoes everything."""

    def __init__(self, name, port, rtt_ms=None, rate_mbit=None):
        rtt, rate, label = LINKS[name]
        self.name = name
        self.rtt_ms = rtt if rtt_ms is None else rtt_ms
        self.rate_mbit = rate if rate_mbit is None else rate_mbit
        self.label = label
        self.port = port
        tag = "%d" % os.getpid()
        self.netns = "amiens-bench-" + tag
        self.host_if, self.ns_if = "abh" + tag, "abn" + tag   # at most 15 characters
        octet = 16 + os.getpid() % 200
        self.host_ip, self.ns_ip = "10.231.%d.1" % octet, "10.231.%d.2" % octet
        self.relay = None
        self.relay_cpu = None

    def prefix(self):
        """Put before a command to run it on the far side of the link."""
        return ["ip", "netns", "exec", self.netns]

    def _tbf(self, dev, ns=None):
        # burst: at least one timer tick of the rate (HZ 250 -> 4 ms) and several full-size packets;
        # the queue holds 100 ms at the rate, like a router's buffer.
        rate_bytes = self.rate_mbit * 1e6 / 8
        burst = max(32 * 1024, int(rate_bytes * 0.004))
        _ip("tc", "qdisc", "replace", "dev", dev, "root", "tbf", "rate", "%dmbit" % self.rate_mbit,
            "burst", str(burst), "latency", "100ms", ns=ns)

    @staticmethod
    def remove_stale():
        """Namespaces (and their veth) left by a bench that was killed: their pid is gone."""
        out = _ip("ip", "netns", "list", check=False).stdout
        for line in out.splitlines():
            name = line.split()[0] if line.strip() else ""
            if not name.startswith("amiens-bench-"):
                continue
            tag = name[len("amiens-bench-"):]
            if tag.isdigit() and not os.path.exists("/proc/%s" % tag):
                _ip("ip", "link", "del", "abh" + tag, check=False)
                _ip("ip", "netns", "del", name, check=False)

    def open(self):
        self.remove_stale()
        self.close()
        _ip("ip", "netns", "add", self.netns)
        _ip("ip", "link", "add", self.host_if, "type", "veth", "peer", "name", self.ns_if)
        _ip("ip", "link", "set", self.ns_if, "netns", self.netns)
        _ip("ip", "addr", "add", self.host_ip + "/30", "dev", self.host_if)
        _ip("ip", "link", "set", self.host_if, "up")
        _ip("ip", "addr", "add", self.ns_ip + "/30", "dev", self.ns_if, ns=self.netns)
        _ip("ip", "link", "set", self.ns_if, "up", ns=self.netns)
        _ip("ip", "link", "set", "lo", "up", ns=self.netns)
        self._tbf(self.host_if)
        self._tbf(self.ns_if, ns=self.netns)
        self.relay = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "relay", "--netns", self.netns, "--port", str(self.port),
             "--veth-ip", self.host_ip, "--target-port", str(self.port), "--delay-ms", str(self.rtt_ms / 2.0)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_die_with_parent)
        line = self.relay.stdout.readline().strip()
        if line != "ready":
            err = self.relay.stderr.read()
            self.close()
            raise RuntimeError("the delaying relay did not start: %s %s" % (line, err[-800:]))
        return self

    def close(self):
        if self.relay is not None:
            self.relay.send_signal(signal.SIGTERM)
            try:
                _, err = self.relay.communicate(timeout=10)
                for line in err.splitlines():
                    if line.startswith("cpu "):
                        self.relay_cpu = float(line.split()[1])
            except subprocess.TimeoutExpired:
                self.relay.kill()
                self.relay.wait()
            self.relay = None
        _ip("ip", "link", "del", self.host_if, check=False)
        _ip("ip", "netns", "del", self.netns, check=False)

    def describe(self):
        return {"name": self.name, "label": self.label, "rtt_ms": self.rtt_ms, "rate_mbit": self.rate_mbit,
                "method": "netns + veth, tbf both ends, delaying TCP relay (bench/lib/shapedlink.py)"}

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc):
        self.close()


def check(link, rawimap_py, imap):
    """Measures the link as a client sees it: the median NOOP round trip and the bulk rate of the
    raw full fetch (bytes / seconds). Returns (dict, raw measure)."""
    import json
    t = time.perf_counter()
    r = subprocess.run(link.prefix() + [sys.executable, rawimap_py, "--host", "localhost", "--port",
                                        str(imap["port"]), "--cafile", imap["cafile"], "--user", imap["user"],
                                        "--password-stdin", "--json", "--noop", "9"],
                       input=imap["password"] + "\n", capture_output=True, text=True, check=True)
    raw = json.loads(r.stdout)
    bulk = raw["body_bytes"] / raw["bodies"] * 8 / 1e6 if raw["bodies"] else None
    return {"noop_rtt_ms": round(raw["noop"] * 1000, 1) if raw.get("noop") else None,
            "bulk_mbit": round(bulk, 1) if bulk else None, "seconds": round(time.perf_counter() - t, 2)}, raw


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("relay")
    r.add_argument("--netns", required=True)
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--veth-ip", required=True)
    r.add_argument("--target-port", type=int, required=True)
    r.add_argument("--delay-ms", type=float, required=True)
    args = ap.parse_args()
    asyncio.run(relay(args))


if __name__ == "__main__":
    main()
