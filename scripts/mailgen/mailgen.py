#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""mailgen.py -- deterministic generator of realistic French mail for AmiensMail.

Mailbox owner: Marie Dupont <marie.dupont@ac-amiens.fr> (alias mdupont@ac-amiens.fr),
professeure de lettres modernes au Collège des Hortillonnages, Amiens.

    mailgen.py --out DIR [--count N] [--seed S] [--now ISO8601] [--force]

Writes DIR/<folder>/<NNNNNN>.eml (RFC 5322, CRLF) and DIR/manifest.tsv
(file, folder, flags, internaldate), the manifest sorted by internaldate.
Same seed + count + now  ==>  byte-identical output.  Python 3.11 stdlib only.
"""
import argparse
import base64
import calendar
import datetime as dt
import html
import os
import random
import re
import string
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_fr as C  # noqa: E402
import mimekit as K    # noqa: E402

MARIE_ADDR = "marie.dupont@ac-amiens.fr"
MARIE_ALIAS = "mdupont@ac-amiens.fr"
COLLEGE = "Collège des Hortillonnages"
UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

FOLDER_TARGETS = (("INBOX", 0.70), ("Sent", 0.10), ("Archives", 0.08), ("USER", 0.05),
                  ("Trash", 0.03), ("Junk", 0.02), ("Drafts", 0.02))
USER_FOLDERS = ("Projets/Voyage scolaire", "Projets/Atelier théâtre", "Conseils de classe", "Inspection")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_ELIDE = re.compile(r"\b([dD])e (?=[AEIOUÉÈÊÀÂÎÔaeiouéèêàâîô])|\b([àÀ]) le\b|\b([àÀ]) les\b|\bde le\b|\bde les\b")
_ELIDE_MAP = {"à le": "au", "À le": "Au", "à les": "aux", "À les": "Aux", "de le": "du", "de les": "des"}


def fr_fix(s):
    """French elision/contraction after placeholder filling: 'de Ambre' -> "d'Ambre", 'à le' -> 'au'."""
    if "de " not in s and "à l" not in s and "À l" not in s:
        return s
    return _ELIDE.sub(lambda m: m.group(1) + "'" if m.group(1) else _ELIDE_MAP[m.group(0)], s)


class FastRandom(random.Random):
    """random.Random with cheaper choice/randint/randrange (C random() based).

    Deterministic for a given seed like the base class; the tiny modulo bias of
    int(random() * n) is irrelevant here and it is ~3x faster on the hot path.
    """

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start, stop=None):
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))


def uai(num):
    """UAI code with its check letter, e.g. 0801234 -> '0801234x'."""
    return "%07d%s" % (num, UAI_LETTERS[num % 23].lower())


def ascii_slug(s):
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return s.replace("'", "").replace(" ", "-")


# =============================================================== time (Paris)
class ParisClock:
    """Europe/Paris offsets by the EU rule (last Sunday of March/October 01:00 UTC)."""

    def __init__(self, now_ts):
        self.now = now_ts
        self._dst = {}
        self._hours = {}

    def _bounds(self, year):
        b = self._dst.get(year)
        if b is None:
            def last_sunday(month):
                last = calendar.monthrange(year, month)[1]
                wd = calendar.weekday(year, month, last)
                return calendar.timegm((year, month, last - (wd + 1) % 7, 1, 0, 0))
            b = self._dst[year] = (last_sunday(3), last_sunday(10))
        return b

    def offset(self, ts):
        """UTC offset in minutes (cached per UTC hour; transitions happen on the hour)."""
        h = ts // 3600
        r = self._hours.get(h)
        if r is None:
            a, b = self._bounds(time.gmtime(ts).tm_year)
            r = self._hours[h] = 120 if a <= ts < b else 60
        return r

    def local(self, ts, off=None):
        if off is None:
            off = self.offset(ts)
        return time.gmtime(ts + off * 60), off

    @staticmethod
    def _z(off):
        return "%s%02d%02d" % ("+" if off >= 0 else "-", abs(off) // 60, abs(off) % 60)

    def rfc5322(self, ts, off=None):
        t, off = self.local(ts, off)
        return "%s, %d %s %d %02d:%02d:%02d %s" % (DAYS_EN[t.tm_wday], t.tm_mday, MONTHS_EN[t.tm_mon - 1],
                                                   t.tm_year, t.tm_hour, t.tm_min, t.tm_sec, self._z(off))

    def internaldate(self, ts):
        t, off = self.local(ts)
        return "%02d-%s-%d %02d:%02d:%02d %s" % (t.tm_mday, MONTHS_EN[t.tm_mon - 1], t.tm_year,
                                                 t.tm_hour, t.tm_min, t.tm_sec, self._z(off))

    def fr_long(self, ts, with_time=True, cap=False):
        """'mardi 3 mars 2026 14:05' (Outlook 'Envoyé :' line)."""
        t, _ = self.local(ts)
        s = "%s %d %s %d" % (C.JOURS[t.tm_wday], t.tm_mday, C.MOIS[t.tm_mon - 1], t.tm_year)
        if with_time:
            s += " %02d:%02d" % (t.tm_hour, t.tm_min)
        return s[0].upper() + s[1:] if cap else s

    def fr_day(self, ts):
        """'jeudi 12 mars'."""
        t, _ = self.local(ts)
        return "%s %d %s" % (C.JOURS[t.tm_wday], t.tm_mday, C.MOIS[t.tm_mon - 1])


class DaySampler:
    """Picks timestamps in [now-18 months, now] following a school-year rhythm."""
    HOURS_OFFICE = (0, 0, 0, 0, 0, 0, 1, 3, 9, 10, 10, 9, 5, 7, 9, 9, 8, 6, 3, 1, 1, 0, 0, 0)
    HOURS_PEOPLE = (1, 0, 0, 0, 0, 0, 2, 5, 6, 5, 5, 5, 7, 6, 5, 5, 6, 8, 10, 11, 11, 9, 6, 3)

    def __init__(self, clock, rng, months=18):
        self.clock, self.rng = clock, rng
        start = clock.now - int(months * 30.44 * 86400)
        t0 = start - start % 86400
        self.days, cw, acc = [], [], 0.0
        d = t0
        while d < clock.now:
            g = time.gmtime(d + 43200)
            w = 1.0
            if g.tm_wday == 5:
                w = 0.35
            elif g.tm_wday == 6:
                w = 0.25
            md = (g.tm_mon, g.tm_mday)
            if g.tm_mon == 8 or (g.tm_mon == 7 and g.tm_mday > 8):
                w *= 0.06
            elif ((10, 19) <= md <= (11, 2) or md >= (12, 20) or md <= (1, 4)
                  or (2, 8) <= md <= (2, 22) or (4, 5) <= md <= (4, 19)):
                w *= 0.45
            acc += w
            self.days.append(d - (self.clock.offset(d + 43200) * 60))   # local midnight in UTC
            cw.append(acc)
            d += 86400
        self.cw = cw
        self.cw_hours = {}
        for k, h in (("office", self.HOURS_OFFICE), ("people", self.HOURS_PEOPLE)):
            a, out = 0, []
            for x in h:
                a += x
                out.append(a)
            self.cw_hours[k] = out

    def pick(self, kind="people", older_than=0.0, not_after=None):
        """older_than: fraction of the range to exclude at the recent end."""
        rng = self.rng
        hi = self.cw[-1] * (1.0 - older_than)
        for _ in range(20):
            x = rng.random() * hi
            lo_i, hi_i = 0, len(self.cw) - 1
            while lo_i < hi_i:                      # bisect on cumulative weights
                mid = (lo_i + hi_i) // 2
                if self.cw[mid] < x:
                    lo_i = mid + 1
                else:
                    hi_i = mid
            day = self.days[lo_i]
            h = rng.choices(range(24), cum_weights=self.cw_hours[kind])[0]
            ts = day + h * 3600 + rng.randrange(3600)
            limit = self.clock.now - 600 if not_after is None else not_after
            if ts <= limit:
                return ts
        return (not_after or self.clock.now) - rng.randrange(3600, 86400)


# ================================================================== mailers
class Mailer:
    """How a given client formats a message (headers, encodings, quoting)."""
    __slots__ = ("key", "ua_hdr", "name_cs", "name_enc", "subj_cs", "subj_enc", "subj_mode", "fmts",
                 "re", "fwd", "quote", "att_style", "order", "domain")

    def __init__(self, key, ua_hdr, name, subj, fmts, re_, fwd, quote, att_style, order):
        self.key, self.ua_hdr = key, ua_hdr
        self.name_cs, self.name_enc = name
        self.subj_cs, self.subj_enc, self.subj_mode = subj
        self.fmts = fmts                      # ((fmt, weight), ...)
        self.re, self.fwd, self.quote, self.att_style, self.order = re_, fwd, quote, att_style, order


ORDER_TB = ("Return-Path", "Delivered-To", "Received", "Authentication-Results", "X-Spam", "Message-ID", "Date",
            "MIME-Version", "User-Agent", "Subject", "Content-Language", "To", "Cc", "Bcc", "References",
            "From", "Reply-To", "In-Reply-To", "Disposition-Notification-To", "List", "Precedence", "X-Mozilla-Draft-Info")
ORDER_OL = ("Return-Path", "Delivered-To", "Received", "Authentication-Results", "X-Spam", "From", "To", "Cc",
            "Bcc", "Subject", "Date", "Message-ID", "References", "In-Reply-To", "MIME-Version", "User-Agent",
            "Thread-Index", "Content-Language", "Disposition-Notification-To", "Reply-To", "List", "Precedence")
ORDER_GM = ("Return-Path", "Delivered-To", "Received", "Authentication-Results", "X-Spam", "MIME-Version",
            "References", "In-Reply-To", "From", "Date", "Message-ID", "Subject", "To", "Cc", "Bcc",
            "Reply-To", "Disposition-Notification-To", "User-Agent", "List", "Precedence", "Content-Language")

MAILERS = {m.key: m for m in (
    Mailer("tb", "User-Agent: Mozilla Thunderbird", ("utf-8", "Q"), ("utf-8", "Q", "whole"),
           (("plain8", 6), ("alt", 3), ("plainqp", 1)), "Re: ", "Fwd: ", "tb", "tb", ORDER_TB),
    Mailer("zimbra", "X-Mailer: Zimbra 9.0.0_GA_4583 (ZimbraWebClient - FF128 (Linux)/9.0.0_GA_4583)",
           ("utf-8", "Q"), ("utf-8", "Q", "prefix"), (("alt", 6), ("plainqp", 4)), "Re: ", "Tr: ", "zm", "tb", ORDER_TB),
    Mailer("outlook", "X-Mailer: Microsoft Outlook 16.0", ("iso-8859-1", "Q"), ("iso-8859-1", "Q", "prefix"),
           (("alt-l1", 6), ("alt", 3), ("latin1", 1)), "RE: ", "TR: ", "ol", "ol", ORDER_OL),
    Mailer("gmail", None, ("utf-8", "B"), ("utf-8", "B", "whole"),
           (("alt", 8), ("alt-b64", 2)), "Re: ", "Fwd: ", "gm", "gm", ORDER_GM),
    Mailer("apple", "X-Mailer: iPhone Mail (21F90)", ("utf-8", "Q"), ("utf-8", "Q", "whole"),
           (("plainqp", 1),), "Re: ", "Tr: ", "ap", "tb", ORDER_GM),
    Mailer("orange", "X-Mailer: Open-Xchange Mailer v7.10.6-Rev52", ("utf-8", "B"), ("utf-8", "B", "whole"),
           (("alt", 5), ("plainqp", 3)), "Re: ", "Tr: ", "zm", "gm", ORDER_OL),
    Mailer("free", "X-Mailer: Zimbra 8.8.15_GA_4562 (ZimbraWebClient - GC120 (Win)/8.8.15_GA_4562)",
           ("utf-8", "Q"), ("utf-8", "Q", "whole"), (("plainqp", 6), ("alt", 4)), "Re: ", "Tr: ", "zm", "tb", ORDER_TB),
    Mailer("laposte", "X-Mailer: Webmail La Poste", ("iso-8859-15", "Q"), ("iso-8859-15", "Q", "whole"),
           (("latin9", 6), ("latin9-8", 4)), "Re: ", "Tr: ", "zm", "l1", ORDER_OL),
    Mailer("list", "X-Mailer: Sympa 6.2.72", ("utf-8", "Q"), ("utf-8", "B", "whole"),
           (("plainqp", 6), ("alt", 4)), "Re: ", "Tr: ", "tb", "tb", ORDER_TB),
    Mailer("bulk", None, ("utf-8", "Q"), ("utf-8", "Q", "whole"), (("alt-b64", 5), ("related", 5)),
           "Re: ", "Tr: ", "tb", "tb", ORDER_GM),
    Mailer("phish", "X-Mailer: PHPMailer 6.1.4 (https://github.com/PHPMailer/PHPMailer)", ("utf-8", "B"),
           ("utf-8", "B", "whole"), (("html", 7), ("alt", 3)), "Re: ", "Tr: ", "tb", "tb", ORDER_GM),
)}
TB_VERSIONS = ("Mozilla Thunderbird", "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.16.0",
               "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0",
               "Mozilla Thunderbird 140.3.0")


# =============================================================== contacts
class Contact:
    __slots__ = ("name", "addr", "group", "female", "prenom", "nom", "mailer", "sig", "child", "_mb", "bulk")

    def __init__(self, name, addr, group, mailer, female=True, prenom="", nom="", sig="", child=None, bulk=False):
        self.name, self.addr, self.group, self.mailer = name, addr, group, mailer
        self.female, self.prenom, self.nom, self.sig, self.child = female, prenom, nom, sig, child
        self.bulk = bulk
        self._mb = {}

    @property
    def domain(self):
        return self.addr.rpartition("@")[2]

    @property
    def civ(self):
        return "Madame" if self.female else "Monsieur"

    def mb(self, mailer, addr=None, name=None):
        """Encoded mailbox as written by *mailer* (cached)."""
        key = (mailer.key, addr, name)
        r = self._mb.get(key)
        if r is None:
            r = self._mb[key] = K.mailbox(self.name if name is None else name, addr or self.addr,
                                          mailer.name_cs, mailer.name_enc)
        return r


class Directory:
    """All the people and services Marie exchanges mail with."""

    def __init__(self, rng):
        self.rng = rng
        self.uai = uai(801234)
        self.used_addrs = set()
        M = MAILERS
        self.marie = Contact("Marie Dupont", MARIE_ADDR, "marie", M["tb"], True, "Marie", "Dupont",
                             "-- \n" + C.MARIE_SIG.format(college=COLLEGE))
        ce = "ce.%s@ac-amiens.fr" % self.uai
        coll_sig = "\n%s\n12, rue des Hortillonnages – 80000 Amiens\nTél. 03 22 47 58 60" % COLLEGE
        self.direction = [
            Contact("Nathalie Vasseur", "nathalie.vasseur@ac-amiens.fr", "direction", M["outlook"], True,
                    "Nathalie", "Vasseur", "Nathalie Vasseur\nPrincipale" + coll_sig),
            Contact("François Hénault", "francois.henault@ac-amiens.fr", "direction", M["outlook"], False,
                    "François", "Hénault", "François Hénault\nPrincipal adjoint" + coll_sig),
            Contact("Secrétariat – " + COLLEGE, ce, "direction", M["zimbra"], True, "", "Secrétariat",
                    "Le secrétariat de direction" + coll_sig),
        ]
        self.cpe = Contact("Cécile N'Diaye", "cecile.ndiaye@ac-amiens.fr", "colleague", M["tb"], True, "Cécile",
                           "N'Diaye", "Cécile N'Diaye\nCPE – " + COLLEGE)
        self.gestion = Contact("Jean-Claude Martin", "jean-claude.martin@ac-amiens.fr", "colleague", M["outlook"],
                               False, "Jean-Claude", "Martin", "Jean-Claude Martin\nAdjoint gestionnaire" + coll_sig)
        for c in self.direction + [self.marie, self.cpe, self.gestion]:
            self.used_addrs.add(c.addr)
        self.elodie = Contact("Élodie Lefèvre", "elodie.lefevre@ac-amiens.fr", "colleague", M["tb"], True,
                              "Élodie", "Lefèvre", "Élodie")
        self.used_addrs.add(self.elodie.addr)
        self.staff = Contact("Équipe pédagogique", "equipe-pedagogique.%s@ac-amiens.fr" % self.uai, "list", M["tb"])
        self._lists = {}
        self.colleagues = [self.elodie, self.cpe, self.gestion] + [self._teacher(True) for _ in range(34)]
        self.colleagues_ext = [self._teacher(False) for _ in range(45)]
        self.parents = [self._parent() for _ in range(260)]
        rect_sig = "\nRectorat de l'académie d'Amiens\n20, boulevard d'Alsace-Lorraine – 80063 Amiens Cedex 9"
        self.services = {
            "rectorat": [
                Contact("Rectorat de l'académie d'Amiens", "rectorat@ac-amiens.fr", "rectorat", M["list"],
                        sig="Pour le recteur et par délégation,\nLa secrétaire générale de l'académie" + rect_sig, bulk=True),
                Contact("Secrétariat général – Rectorat d'Amiens", "ce.sg@ac-amiens.fr", "rectorat", M["list"],
                        sig="Le secrétariat général" + rect_sig, bulk=True),
                Contact("DSDEN de la Somme", "ce.dsden80@ac-amiens.fr", "rectorat", M["list"],
                        sig="Pour l'inspecteur d'académie,\nDirecteur académique des services de l'éducation nationale "
                            "de la Somme\n20, boulevard d'Alsace-Lorraine – 80063 Amiens Cedex 9", bulk=True),
                Contact("DSDEN de l'Oise", "ce.dsden60@ac-amiens.fr", "rectorat", M["list"],
                        sig="DSDEN de l'Oise\n22, avenue Victor-Hugo – 60025 Beauvais Cedex", bulk=True),
                Contact("DSDEN de l'Aisne", "ce.dsden02@ac-amiens.fr", "rectorat", M["list"],
                        sig="DSDEN de l'Aisne – Pôle RH de proximité\nCité administrative – 02018 Laon Cedex", bulk=True),
                Contact("DSDEN 80 – Division des élèves", "dsden80-divel@ac-amiens.fr", "rectorat", M["zimbra"],
                        sig="DSDEN de la Somme – DIVEL", bulk=True),
                Contact("Ministère de l'Éducation nationale", "ne-pas-repondre@education.gouv.fr", "rectorat",
                        M["bulk"], sig="Ministère de l'Éducation nationale", bulk=True),
            ],
            "dpe": [Contact("Rectorat d'Amiens – DPE", "dpe@ac-amiens.fr", "dpe", M["zimbra"],
                            sig="Division des personnels enseignants (DPE)" + rect_sig, bulk=True),
                    Contact("Cellule mouvement – DPE", "mouvement@ac-amiens.fr", "dpe", M["zimbra"],
                            sig="Cellule mouvement – DPE" + rect_sig, bulk=True)],
            "dec": [Contact("Division des examens et concours", "dec@ac-amiens.fr", "dec", M["zimbra"],
                            sig="DEC 3 – Brevet et CFG" + rect_sig, bulk=True),
                    Contact("DSDEN 60 – Service des examens", "dsden60-examens@ac-amiens.fr", "dec", M["zimbra"],
                            sig="Service des examens – DSDEN de l'Oise", bulk=True)],
            "eafc": [Contact("EAFC Amiens", "eafc@ac-amiens.fr", "eafc", M["zimbra"],
                             sig="École académique de la formation continue (EAFC)\nAcadémie d'Amiens", bulk=True)],
            "ipr": [Contact("Hélène Desjardins", "helene.desjardins@ac-amiens.fr", "ipr", M["outlook"], True,
                            "Hélène", "Desjardins", "Hélène Desjardins\nIA-IPR de lettres\nAcadémie d'Amiens"),
                    Contact("Secrétariat des IA-IPR", "ce.ipr@ac-amiens.fr", "ipr", M["outlook"],
                            sig="Secrétariat des corps d'inspection" + rect_sig, bulk=True)],
            "dane": [Contact("DANE – Académie d'Amiens", "dane@ac-amiens.fr", "dane", M["list"],
                             sig="Délégation régionale académique au numérique éducatif", bulk=True)],
            "assistance": [Contact("Plateforme d'assistance académique", "assistance@ac-amiens.fr", "assistance",
                                   M["zimbra"], sig="Plateforme d'assistance – DSI de l'académie d'Amiens", bulk=True)],
            "eduscol": [Contact("Éduscol", "lettre-eduscol@education.gouv.fr", "eduscol", M["bulk"],
                                sig="Éduscol – Ministère de l'Éducation nationale", bulk=True)],
            "ensap": [Contact("ENSAP", "ne-pas-repondre@ensap.gouv.fr", "ensap", M["bulk"],
                              sig="Espace numérique sécurisé de l'agent public", bulk=True)],
        }

    def _unique(self, local, domain):
        addr = "%s@%s" % (local, domain)
        n = 2
        while addr in self.used_addrs:
            addr = "%s%d@%s" % (local, n, domain)
            n += 1
        self.used_addrs.add(addr)
        return addr

    def _person(self):
        rng = self.rng
        female = rng.random() < 0.62
        prenom = rng.choice(C.FIRST_F if female else C.FIRST_M)
        nom = rng.choice(C.LAST)
        return female, prenom, nom

    def _teacher(self, same_school):
        rng = self.rng
        female, prenom, nom = self._person()
        addr = self._unique("%s.%s" % (ascii_slug(prenom), ascii_slug(nom)), "ac-amiens.fr")
        disc = rng.choice(C.DISCIPLINES)
        mailer = MAILERS[rng.choice(("tb", "tb", "zimbra", "zimbra", "outlook", "gmail", "apple"))]
        if same_school:
            sig = prenom if rng.random() < 0.6 else "%s %s\n%s" % (prenom, nom, disc[1 if female else 2])
        else:
            ville = rng.choice(("Beauvais", "Compiègne", "Saint-Quentin", "Laon", "Abbeville", "Soissons",
                                "Creil", "Chauny", "Péronne", "Noyon"))
            sig = "%s %s\n%s\nCollège %s, %s" % (prenom, nom, disc[1 if female else 2],
                                                rng.choice(("Jean-Moulin", "Jules-Ferry", "Victor-Hugo",
                                                            "Anatole-France", "Jean-Jaurès", "Marie-Curie",
                                                            "Louise-Michel", "Gérard-Philipe")), ville)
        name = "%s %s" % (prenom, nom)
        if mailer.key == "outlook" and rng.random() < 0.4:
            name = "%s %s" % (nom.upper(), prenom)       # "LEFÈVRE Élodie" style directories
        return Contact(name, addr, "colleague" if same_school else "colleague_ext", mailer, female, prenom, nom, sig)

    def _parent(self):
        rng = self.rng
        female, prenom, nom = self._person()
        dom, mk = rng.choice((("gmail.com", "gmail"), ("gmail.com", "gmail"), ("orange.fr", "orange"),
                              ("wanadoo.fr", "orange"), ("free.fr", "free"), ("laposte.net", "laposte"),
                              ("hotmail.fr", "outlook"), ("yahoo.fr", "gmail"), ("sfr.fr", "orange"),
                              ("icloud.com", "apple"), ("gmail.com", "apple")))
        p, n = ascii_slug(prenom), ascii_slug(nom).replace("-", "")
        local = rng.choice(("%s.%s" % (p, n), "%s.%s" % (n, p), "%s%s%d" % (p, n, rng.randint(60, 99)),
                            "%s.%s80" % (p, n), "%s%s" % (p[0], n), "famille.%s" % n))
        addr = self._unique(local, dom)
        kid_f = rng.random() < 0.5
        # children of remarried / separated parents may have another surname
        kid_nom = nom if rng.random() < 0.85 else rng.choice(C.LAST)
        child = (rng.choice(C.KIDS_F if kid_f else C.KIDS_M), kid_f, rng.choice(C.CLASSES_MARIE), kid_nom)
        name = rng.choice(("%s %s" % (prenom, nom), "%s %s" % (prenom, nom), "%s %s" % (prenom, nom.upper()),
                           "", "%s" % prenom, "%s %s" % (nom, prenom)))
        mode = rng.random()
        if mode < 0.4:
            sig = "%s %s" % (prenom, nom)
        elif mode < 0.7:
            sig = "%s %s\n(%s de %s, %s)" % (prenom, nom, "maman" if female else "papa", child[0], child[2])
        elif mode < 0.85:
            sig = "%s %s" % ("Mme" if female else "M.", nom)
        else:
            sig = prenom
        return Contact(name, addr, "parent", MAILERS[mk], female, prenom, nom, sig, child)

    def list_contact(self, lid):
        c = self._lists.get(lid)
        if c is None:
            c = self._lists[lid] = Contact("", "%s@listes.ac-amiens.fr" % lid, "list", MAILERS["list"])
        return c

    def pick(self, group):
        rng = self.rng
        if group == "direction":
            return rng.choices(self.direction, weights=(6, 3, 2))[0]
        if group == "colleague":
            return self.elodie if rng.random() < 0.15 else rng.choice(self.colleagues)
        if group == "colleague_ext":
            return rng.choice(self.colleagues_ext)
        if group == "parent":
            return rng.choice(self.parents)
        if group == "marie":
            return self.marie
        return rng.choice(self.services[group])


# =============================================================== templates
class Templates:
    """Thread context (placeholder values), text wrapping, validation."""
    ETAPES = ("liste des élèves", "devis du transporteur", "réunion d'information des familles",
              "répartition des chambres", "programme définitif", "paiement des familles")
    HEURES = ("8 h 30", "10 h 15", "12 h 30", "13 h 30", "16 h 30", "17 h 00", "17 h 30", "18 h 00")
    VILLES = ("Amiens", "Amiens", "Amiens", "Abbeville", "Albert", "Doullens", "Péronne", "Corbie", "Montdidier")

    def __init__(self, clock, directory):
        self.clock, self.dir = clock, directory
        self.fmt = string.Formatter()

    def thread_ctx(self, rng, t0, parent=None, topic=None):
        ck = self.clock
        lt, _ = ck.local(t0)
        y, mo = lt.tm_year, lt.tm_mon
        ev = t0 + rng.randint(3, 20) * 86400
        while ck.local(ev)[0].tm_wday >= 5:
            ev += 86400
        ev2 = ev + rng.randint(7, 15) * 86400
        lim = ev - rng.randint(1, 2) * 86400
        if lim <= t0:
            lim = ev
        if parent and parent.child:
            enfant, girl, classe, nom_enfant = parent.child
        else:
            girl = rng.random() < 0.5
            enfant = rng.choice(C.KIDS_F if girl else C.KIDS_M)
            classe, nom_enfant = rng.choice(C.CLASSES_MARIE), rng.choice(C.LAST)
        classe2 = rng.choice([c for c in C.CLASSES_MARIE if c != classe])
        oeuvre, auteur = rng.choice(C.OEUVRES)
        lieu = rng.choice(C.LIEUX_SORTIE)
        trim, per = (("premier trimestre", "T1") if mo in (9, 10, 11) else
                     ("deuxième trimestre", "T2") if mo in (12, 1, 2) else ("troisième trimestre", "T3"))
        sy = "%d-%d" % ((y, y + 1) if mo >= 9 else (y - 1, y))
        sy_next = "%d-%d" % ((y + 1, y + 2) if mo >= 9 else (y, y + 1))
        session = str(y + 1 if mo >= 9 else y)
        evt, _ = ck.local(ev)
        while ck.local(lim)[0].tm_wday >= 5 and lim - 86400 > t0:   # deadlines are on school days
            lim -= 86400
        ent = rng.choice(C.ENT_APPS)
        ctx = {
            "college": COLLEGE, "annee": str(y), "annee_prec": str(y - 1), "sy": sy, "sy_next": sy_next,
            "session": session, "mois": C.MOIS[mo - 1], "mois_prec": C.MOIS[(mo - 2) % 12],
            "trimestre": trim, "periode": per,
            "date_ev": ck.fr_day(ev), "date_ev2": ck.fr_day(ev2), "date_lim": ck.fr_day(lim),
            "date_court": "%02d/%02d" % (evt.tm_mday, evt.tm_mon), "jour": C.JOURS[evt.tm_wday],
            "date_jour": "%02d/%02d/%d" % (lt.tm_mday, lt.tm_mon, lt.tm_year),
            "heure": rng.choice(self.HEURES), "heure2": rng.choice(self.HEURES),
            "salle": rng.choice(C.SALLES[:5]), "enfant": enfant, "nom_enfant": nom_enfant,
            "enfant_civ": "ma fille" if girl else "mon fils", "e": "e" if girl else "",
            "il": "elle" if girl else "il", "Il": "Elle" if girl else "Il", "lui": "elle" if girl else "lui",
            "serieux": "sérieuse" if girl else "sérieux",
            "classe": classe, "classe2": classe2, "niveau": classe[:2],
            "oeuvre": oeuvre, "auteur": auteur, "lieu": lieu, "lieu_cap": lieu[0].upper() + lieu[1:],
            "lieu_court": lieu.split(" ", 1)[1] if lieu.startswith(("la ", "le ", "les ")) else lieu[2:] if lieu.startswith("l'") else lieu,
            "voyage": rng.choice(C.VOYAGES), "etape": rng.choice(self.ETAPES),
            "montant": "%d €" % rng.randint(280, 520), "formation": rng.choice(C.FORMATIONS),
            "num": "%03d" % rng.randint(1, 180), "n": str(rng.randint(2, 6)), "n2": str(rng.randint(80, 900)),
            "tel": "%02d %02d" % (rng.randint(10, 99), rng.randint(10, 99)),
            "tel2": "%02d %02d %02d %02d" % tuple(rng.randint(10, 99) for _ in range(4)),
            "ticket": "%d%06d" % (y, rng.randint(1, 999999)), "ent_du": ent[0], "ent_au": ent[1],
            "ville": rng.choice(self.VILLES), "principal": "Mme Vasseur", "cpe": "Mme N'Diaye",
            "coll_prenom": rng.choice(self.dir.colleagues).prenom,
            "phish_url": "", "spam_url": "",
            "_ev": (evt.tm_year, evt.tm_mon, evt.tm_mday), "_t0": t0,
        }
        if topic in (None, "note_service"):
            ns = rng.choice(C.NS_OBJETS).format_map(ctx)
            ctx["ns_objet"], ctx["ns_objet_cap"] = ns, ns[0].upper() + ns[1:]
        if topic in (None, "circulaire"):
            co = rng.choice(C.CIRC_OBJETS).format_map(ctx)
            ctx["circ_objet"], ctx["circ_objet_cap"] = co, co[0].upper() + co[1:]
        if topic in (None, "conseils"):
            ctx["heure"] = rng.choice(self.HEURES[4:])      # councils are after classes
            ctx["calendrier"] = self._calendar(rng, ev, classe, ctx["heure"])
        return ctx

    def _calendar(self, rng, ev, classe, heure):
        """Class councils on consecutive school days from ev; *classe* first, at ev/heure
        (the .ics invitation uses the same values)."""
        ck = self.clock
        lines, d = ["- %s : %s, %s" % (classe, ck.fr_day(ev), heure)], ev
        for cl in rng.sample([c for c in C.CLASSES_ALL if c != classe], 5):
            while ck.local(d)[0].tm_wday >= 5:
                d += 86400
            lines.append("- %s : %s, %s" % (cl, ck.fr_day(d), rng.choice(self.HEURES[4:])))
            if rng.random() < 0.6:
                d += 86400
        return "\n".join(lines)

    @staticmethod
    def wrap(par, width=74):
        out = []
        for line in par.split("\n"):
            if len(line) <= width:
                out.append(line)
                continue
            indent = "  " if line.startswith(("- ", "* ")) else ""
            cur, n = [], 0
            for w in line.split(" "):
                if n + len(w) > width and cur:
                    out.append(" ".join(cur))
                    cur, n = [indent + w] if indent else [w], len(indent) + len(w) + 1
                else:
                    cur.append(w)
                    n += len(w) + 1
            out.append(" ".join(cur))
        return "\n".join(out)

    def validate(self, extra_keys=()):
        """Fail early if a template uses an unknown placeholder."""
        rng = random.Random(0)
        known = set(self.thread_ctx(rng, self.clock.now - 86400 * 30)) | {
            "r_civ", "r_nom", "r_prenom", "s_prenom", "s_nom", "e_s"} | set(extra_keys)

        def walk(x):
            if isinstance(x, str):
                for _, f, _, _ in self.fmt.parse(x):
                    if f is not None and f not in known:
                        raise SystemExit("corpus: unknown placeholder {%s} in %r" % (f, x[:60]))
            elif isinstance(x, dict):
                for v in x.values():
                    walk(v)
            elif isinstance(x, (tuple, list)):
                for v in x:
                    walk(v)
        walk(C.TOPICS)
        walk(C.GREET)
        walk(C.CLOSE)
        walk((C.PHISHING, C.SPAM, C.DRAFT_BODIES, C.DRAFT_SUBJECTS, C.NS_OBJETS, C.CIRC_OBJETS))


# ============================================================= attachments
class Attachments:
    def __init__(self, rng):
        self._odt = {}
        r = rng
        self.logo = K.make_png(120, 40, lambda y: bytes((0, 48 + y, 145)) * 60 + bytes((225, 0, 15)) * 60)
        self.plan = K.make_png(160, 120, lambda y: b"".join(
            bytes((230, 230, 220)) if (x // 20 + y // 20) % 2 else bytes((120, 170, 90)) for x in range(160)))
        self.affiche = K.make_png(200, 280, lambda y: bytes(((y * 3) % 256, 40, 120 + y % 100)) * 200)
        # two noisy "photos" (incompressible, ~90 KB / ~300 KB)
        self.photos = (K.make_png(180, 170, lambda y: r.randbytes(540), 1),
                       K.make_png(320, 310, lambda y: r.randbytes(960), 1))

    def build(self, kind, filename, ctx, text_lines, rng):
        """-> (bytes, content-type)"""
        if kind == "pdf":
            title = filename[:-4]
            t, _ = ctx["_clock"].local(ctx["_t0"])
            stamp = "%04d%02d%02d%02d%02d%02d" % t[:6]
            return K.make_pdf(title, text_lines[:40], stamp), "application/pdf"
        if kind == "odt":
            data = self._odt.get(filename)
            if data is None:
                if len(self._odt) > 400:
                    self._odt.clear()
                data = self._odt[filename] = K.make_odt(filename[:-4], text_lines[:30])
            return data, "application/vnd.oasis.opendocument.text"
        if kind == "png":
            return (self.affiche if "ffiche" in filename else self.plan), "image/png"
        if kind == "photo":
            return rng.choice(self.photos), "image/png"
        raise ValueError(kind)


# ================================================================ messages
class Msg:
    """One planned message (metadata); rendered by Renderer."""
    __slots__ = ("seq", "t", "recv", "folder", "flags", "sender", "to", "cc", "bcc", "subject", "topic", "ctx",
                 "parent", "msgid", "refs", "mdn", "kind", "mailer", "body", "text", "raw", "fwd_attach",
                 "atts", "tzoff", "variant", "list", "incoming", "draft", "reply_to")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


class Renderer:
    """Turns a Msg into RFC 5322 bytes (and keeps its plain text for quoting)."""

    def __init__(self, rng, clock, directory, attachments, seen_ids):
        self.rng, self.ck, self.dir, self.att = rng, clock, directory, attachments
        self.seen_ids = seen_ids

    # -------------------------------------------------------------- ids
    def message_id(self, msg):
        rng, m, dom = self.rng, msg.mailer.key, msg.sender.domain
        while True:
            if m in ("tb", "apple"):
                h = "%032x" % rng.getrandbits(128)
                local = "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], h[16:20], h[20:])
                if m == "apple":
                    local = local.upper()
            elif m == "outlook":
                local = "%06x01d%05x$%08x$%08x$" % (rng.getrandbits(24), rng.getrandbits(20), rng.getrandbits(32),
                                                     rng.getrandbits(32))
            elif m == "gmail":
                local = "CA" + base64.b64encode(rng.randbytes(33)).decode("ascii").replace("/", "_")
                dom = "mail.gmail.com"
            elif m in ("zimbra", "free"):
                local = "%d.%d.%d.JavaMail.zimbra" % (rng.randint(10 ** 8, 10 ** 9), rng.randint(10 ** 5, 10 ** 6),
                                                      msg.t * 1000 + rng.randrange(1000))
                if m == "free":
                    dom = "zimbra%d-e%d.priv.proxad.net" % (rng.randint(1, 99), rng.randint(1, 12))
            elif m == "orange":
                local = "%d.%d.%d.JavaMail.open-xchange" % (rng.randint(10 ** 8, 10 ** 9), rng.randint(1, 99999),
                                                            msg.t * 1000 + rng.randrange(1000))
                dom = "opme11oxm%02dnd1.rouen.francetelecom.fr" % rng.randint(1, 30)
            elif m == "laposte":
                local = "%d.%d.%d.JavaMail.javamailuser" % (rng.randint(10 ** 8, 10 ** 9), rng.randint(1, 99999),
                                                             msg.t * 1000 + rng.randrange(1000))
                dom = "localhost.laposte.net" if rng.random() < 0.1 else "webmail.laposte.net"
            else:
                local = "%x.%08x" % (msg.t, rng.getrandbits(32))
                if m == "list":
                    dom = "listes.ac-amiens.fr"
            mid = "<%s@%s>" % (local, dom)
            if mid not in self.seen_ids:
                self.seen_ids.add(mid)
                return mid

    # ------------------------------------------------------------- text
    def own_text(self, msg):
        """Greeting + paragraphs + closing + signature (plain text, LF)."""
        rng, ctx = self.rng, msg.ctx
        paras = [self._fill(p, ctx) for p in msg.body]
        greet, close = msg.variant
        out = []
        if greet:
            out.append(self._fill(rng.choice(C.GREET[greet]), ctx))
        out.extend(Templates.wrap(p) for p in paras)
        s = msg.sender
        if msg.draft:
            return "\n\n".join(out) + "\n"
        sig = s.sig
        if close:
            c = self._fill(rng.choice(C.CLOSE[close]), ctx)
            if s is self.dir.marie:
                if msg.mailer.key == "tb":
                    out.append(c)
                    out.append(sig)
                else:
                    out.append(c + "\n\n" + sig[4:])
            elif s.group == "parent" and s.mailer.key == "apple":
                out.append(c + "\n" + sig + "\n\nEnvoyé de mon iPhone")
            else:
                out.append(c + "\n" + sig if s.group in ("parent", "colleague", "colleague_ext") else c + "\n\n" + sig)
        elif sig:
            out.append(sig)
        fwd = ctx.get("_fwd")
        if fwd:                                   # Outlook inline forward of a rectorat note
            osend, obody, ot, osubj, (og, oc) = fwd
            out.append("-----Message d'origine-----\nDe : %s <%s>\nEnvoyé : %s\nÀ : undisclosed-recipients:;\n"
                       "Objet : %s" % (osend.name, osend.addr, self.ck.fr_long(ot), osubj))
            if og:
                out.append(self._fill(rng.choice(C.GREET[og]), ctx))
            out.extend(Templates.wrap(self._fill(p, ctx)) for p in obody)
            out.append(self._fill(rng.choice(C.CLOSE[oc]), ctx) + "\n\n" + osend.sig)
        return "\n\n".join(out) + "\n"

    @staticmethod
    def _fill(tpl, ctx):
        return fr_fix(tpl.format_map(ctx)) if "{" in tpl else tpl

    def attribution(self, msg, p):
        ck, st = self.ck, msg.mailer.quote
        who = p.sender.name or p.sender.addr
        if st == "gm":
            t, _ = ck.local(p.t)
            return "Le %s %d %s %d à %02d:%02d, %s <%s> a écrit :" % (
                C.JOURS_ABR[t.tm_wday], t.tm_mday, C.MOIS[t.tm_mon - 1], t.tm_year, t.tm_hour, t.tm_min, who,
                p.sender.addr)
        if st == "zm":
            return '----- Mail original -----\nDe: "%s" <%s>\nÀ: %s\nEnvoyé: %s\nObjet: %s\n' % (
                who, p.sender.addr, self._plain_rcpts(p), ck.fr_long(p.t, True, True), p.subject)
        if st == "ap":
            t, _ = ck.local(p.t)
            return "Le %d %s %d à %02d:%02d, %s <%s> a écrit :" % (t.tm_mday, C.MOIS[t.tm_mon - 1], t.tm_year,
                                                                  t.tm_hour, t.tm_min, who, p.sender.addr)
        t, _ = ck.local(p.t)
        return "Le %02d/%02d/%d à %02d:%02d, %s a écrit :" % (t.tm_mday, t.tm_mon, t.tm_year, t.tm_hour, t.tm_min, who)

    @staticmethod
    def _plain_rcpts(p):
        return ", ".join(c if isinstance(c, str) else ("%s <%s>" % (c.name, c.addr)) if c.name else c.addr
                         for c in p.to) or "undisclosed-recipients:;"

    def outlook_block(self, p):
        lines = ["De : %s <%s>" % (p.sender.name or p.sender.addr, p.sender.addr),
                 "Envoyé : %s" % self.ck.fr_long(p.t), "À : %s" % self._plain_rcpts(p)]
        if p.cc:
            lines.append("Cc : " + ", ".join("%s <%s>" % (c.name, c.addr) for c in p.cc))
        lines.append("Objet : " + p.subject)
        return "-----Message d'origine-----\n" + "\n".join(lines) + "\n"

    def compose(self, msg):
        """Full plain text incl. quoted parent / forwarded message. -> (text, own, quote_intro, quoted)"""
        own = self.own_text(msg)
        p = msg.parent
        if p is None:
            return own, own, None, None
        if msg.kind == "fwd":
            if msg.fwd_attach:
                return own, own, None, None
            if msg.mailer.quote == "ol":
                intro = self.outlook_block(p)
            else:
                intro = ("-------- Message transféré --------\nSujet : %s\nDate : %s\nDe : %s <%s>\nPour : %s\n"
                         % (p.subject, self.ck.rfc5322(p.t, p.tzoff), p.sender.name, p.sender.addr, self._plain_rcpts(p)))
            return own + "\n" + intro + "\n" + p.text, own, intro, p.text
        if msg.mailer.quote == "ol":
            intro = self.outlook_block(p)
            return own + "\n" + intro + "\n" + p.text, own, intro, p.text
        intro = self.attribution(msg, p)
        quoted = "\n".join(("> " + l) if l else ">" for l in p.text.rstrip("\n").split("\n")) + "\n"
        if msg.mailer.key == "tb" and self.rng.random() < 0.2:         # bottom-posting
            return intro + "\n" + quoted + "\n" + own, own, intro, p.text
        return own + "\n" + intro + "\n" + quoted, own, intro, p.text

    # ------------------------------------------------------------- html
    def html(self, msg, own, intro, quoted, charset):
        esc = html.escape
        st = msg.mailer.quote
        paras = own.rstrip("\n").split("\n\n")
        if st == "gm":
            body = "".join('<div dir="ltr">%s</div><div><br></div>' % esc(p).replace("\n", "<br>") for p in paras)
            if intro is not None:
                body += ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">%s<br></div>'
                         '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                         'rgb(204,204,204);padding-left:1ex">%s</blockquote></div>'
                         % (esc(intro).replace("\n", "<br>"), esc(quoted).replace("\n", "<br>\n")))
            return ('<div dir="ltr">%s</div>\n' % body)
        if st == "ol":
            body = "".join('<p class="MsoNormal">%s<o:p></o:p></p>\n' % esc(p).replace("\n", "<br>\n") for p in paras)
            if intro is not None:
                body += ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
                         '<p class="MsoNormal">%s</p></div>\n<p class="MsoNormal">%s</p>\n'
                         % (esc(intro).replace("\n", "<br>\n"), esc(quoted).replace("\n", "<br>\n")))
            return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
                    'content="text/html; charset=%s"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;'
                    'font-family:"Calibri",sans-serif}</style></head>\n<body lang="FR" link="#0563C1">'
                    '<div class="WordSection1">\n%s</div></body></html>\n' % (charset, body))
        body = "".join("<p>%s</p>\n" % esc(p).replace("\n", "<br>\n") for p in paras)
        if intro is not None:
            body += ('<div class="moz-cite-prefix">%s<br></div>\n<blockquote type="cite">%s</blockquote>\n'
                     % (esc(intro).replace("\n", "<br>"), esc(quoted).replace("\n", "<br>\n")))
        if msg.topic in ("eduscol", "ensap", "phish"):
            logo = '<img src="cid:%s" alt="Logo" width="120" height="40"><br>' % msg.ctx["_cid"] \
                if msg.ctx.get("_cid") else ""
            link = msg.ctx.get("phish_url") or "https://eduscol.education.gouv.fr/"
            btn = ('<p><a href="%s" style="background:#000091;color:#fff;padding:8px 16px;'
                   'text-decoration:none">%s</a></p>' % (esc(link), "Vérifier mon compte" if msg.topic == "phish"
                                                       else "Consulter en ligne"))
            body = ('<table width="600" cellpadding="0" cellspacing="0" style="font-family:Marianne,Arial,'
                    'sans-serif"><tr><td>%s%s%s</td></tr></table>\n' % (logo, body, btn))
        return ('<!DOCTYPE html>\n<html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; '
                'charset=%s"></head>\n<body>\n%s</body></html>\n' % (charset, body))

    # ------------------------------------------------------------- mime

    def body_part(self, msg, text, own, intro, quoted):
        rng = self.rng
        fmts = msg.mailer.fmts
        fmt = rng.choices([f for f, _ in fmts], weights=[w for _, w in fmts])[0] if len(fmts) > 1 else fmts[0][0]
        if msg.topic in ("eduscol", "ensap") and fmt not in ("alt-b64", "related"):
            fmt = "alt-b64"
        ff = ""
        if fmt in ("plain8", "plainqp") and msg.mailer.key == "tb":
            ff = "; format=flowed"
        if fmt == "plain8":
            return K.text_part(text, charset="utf-8", cte="8bit", extra=ff)
        if fmt == "plainqp":
            return K.text_part(text, charset="utf-8", cte="quoted-printable", extra=ff)
        if fmt in ("latin9", "latin9-8"):
            return K.text_part(text, charset="iso-8859-15", cte="quoted-printable" if fmt == "latin9" else "8bit")
        if fmt == "latin1":
            return K.text_part(text, charset="iso-8859-1", cte="quoted-printable")
        if fmt == "html":
            return K.text_part(self.html(msg, own, intro, quoted, "utf-8"), "html", "utf-8",
                               "base64" if rng.random() < 0.5 else "quoted-printable")
        cs, cte = "utf-8", "quoted-printable"
        if fmt == "alt-l1":
            cs = "iso-8859-1"
        elif fmt in ("alt-b64", "related"):
            cte = "base64"
        plain = K.text_part(text, "plain", cs, cte)
        if fmt == "related":
            cid = "logo.%08x@education.gouv.fr" % rng.getrandbits(32)
            msg.ctx["_cid"] = cid
        h = K.text_part(self.html(msg, own, intro, quoted, K._CHARSET_LABEL[cs].lower()), "html", cs, cte)
        alt = [plain, h]
        if msg.ctx.get("_ics") is not None:
            alt.append(K.text_part(msg.ctx["_ics"].decode("utf-8").replace("\r\n", "\n"), "calendar", "utf-8", "base64",
                                   extra="; method=REQUEST"))
        part = K.multipart("alternative", alt, self.boundary(msg), preamble=False)
        if fmt == "related":
            img = K.attachment(self.att.logo, "image/png", "logo.png", "tb", "inline", cid=cid)
            part = K.multipart("related", [part, img], self.boundary(msg), params='; type="multipart/alternative"')
        return part

    def boundary(self, msg):
        k = msg.mailer.key
        r = self.rng.getrandbits(96)
        if k == "tb":
            return "------------%024x" % r
        if k == "outlook":
            return "----=_NextPart_000_%04X_%08X.%08X" % (r & 0xFFFF, r >> 32 & 0xFFFFFFFF, r >> 64)
        if k == "gmail":
            return "000000000000%012x" % (r & 0xFFFFFFFFFFFF)
        return "=_%024x" % r

    def render(self, msg):
        rng, ck, mk = self.rng, self.ck, msg.mailer
        marie = self.dir.marie
        text, own, intro, quoted = self.compose(msg)
        msg.text = text
        H = {}
        if msg.incoming:
            self._trace(msg, H)
        H["Message-ID"] = "Message-ID: " + msg.msgid
        H["Date"] = "Date: " + ck.rfc5322(msg.t, msg.tzoff)
        H["MIME-Version"] = "MIME-Version: 1.0"
        if mk.ua_hdr:
            H["User-Agent"] = mk.ua_hdr if mk.key != "tb" else "User-Agent: " + rng.choice(TB_VERSIONS)
        subj = msg.subject
        if subj or not msg.draft:
            H["Subject"] = K.subject_header(subj, mk.subj_cs, mk.subj_enc, mk.subj_mode)
        else:
            H["Subject"] = "Subject: "
        if mk.key in ("tb", "outlook", "zimbra"):
            H["Content-Language"] = "Content-Language: fr" if mk.key != "outlook" else "Content-Language: fr-FR"
        s = msg.sender
        if s is marie:
            H["From"] = "From: " + s.mb(mk, msg.ctx["_from_addr"])
        else:
            H["From"] = "From: " + s.mb(mk)
        for hname, lst in (("To", msg.to), ("Cc", msg.cc), ("Bcc", msg.bcc)):
            if lst:
                mbs = [c if isinstance(c, str) else
                       (c.mb(mk, msg.ctx["_to_addr"], msg.ctx["_to_name"]) if c is marie else c.mb(mk)) for c in lst]
                H[hname] = K.address_list(hname, mbs)
        if msg.reply_to:
            H["Reply-To"] = "Reply-To: " + msg.reply_to
        if msg.refs:
            H["References"] = "References: " + "\r\n ".join(msg.refs)
        if msg.parent is not None and msg.kind == "reply":
            H["In-Reply-To"] = "In-Reply-To: " + msg.parent.msgid
        if msg.mdn:
            H["Disposition-Notification-To"] = "Disposition-Notification-To: " + s.mb(mk)
            if mk.key == "outlook":
                H["Disposition-Notification-To"] += "\r\nReturn-Receipt-To: " + s.mb(mk)
        if mk.key == "outlook":
            H["Thread-Index"] = "Thread-Index: " + base64.b64encode(b"\x01" + rng.randbytes(21)).decode("ascii")
        if msg.list:
            lid, ldesc = msg.list
            H["List"] = ("List-Id: %s <%s.listes.ac-amiens.fr>\r\nList-Unsubscribe: <mailto:sympa@listes.ac-amiens.fr"
                         "?subject=unsubscribe%%20%s>\r\nList-Post: <mailto:%s@listes.ac-amiens.fr>\r\n"
                         "List-Archive: <https://listes.ac-amiens.fr/sympa/arc/%s>"
                         % (K.phrase(ldesc, "utf-8", "Q", 55), lid, lid, lid, lid))
            H["Precedence"] = "Precedence: list"
        elif s.bulk and msg.topic in ("eduscol", "ensap"):
            H["Precedence"] = "Precedence: bulk"
            H["List"] = "List-Unsubscribe: <https://%s/desabonnement?id=%08x>" % (s.domain, rng.getrandbits(32))
        if msg.draft and mk.key == "tb":
            H["X-Mozilla-Draft-Info"] = ("X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0; DSN=0; "
                                         "uuencode=0; attachmentreminder=0; deliveryformat=0")
        part = self.body_part(msg, text, own, intro, quoted)
        parts = []
        if msg.fwd_attach and msg.parent is not None and msg.parent.raw is not None:
            fn = re.sub(r'[\\/:*?"<>|]+', "-", msg.parent.subject or "message")[:60].rstrip() + ".eml"
            parts.append(K.message_part(msg.parent.raw, fn, mk.att_style))
        if msg.atts:
            doc = msg.ctx.get("_doc") or msg.body
            lines = [l for p in doc for l in Templates.wrap(self._fill(p, msg.ctx), 90).split("\n") if l][:40]
            for kind, fname in msg.atts:
                if kind == "ics":
                    data, ct = msg.ctx["_ics"], "application/ics"
                else:
                    data, ct = self.att.build(kind, fname, msg.ctx, lines, rng)
                parts.append(K.attachment(data, ct, fname, mk.att_style if rng.random() < 0.85 else "tb"))
        if parts:
            part = K.multipart("mixed", [part] + parts, self.boundary(msg))
        headers = [H[k] for k in mk.order if k in H]
        headers += [H[k] for k in ("Message-ID", "Date", "From", "Subject", "MIME-Version", "To")
                    if k in H and H[k] not in headers]
        return K.serialize(headers, part)

    def _trace(self, msg, H):
        rng, ck = self.rng, self.ck
        s = msg.sender
        rcpt = msg.ctx.get("_to_addr") or MARIE_ADDR
        qid = base64.b32encode(rng.randbytes(5)).decode("ascii") + "%03X" % rng.getrandbits(12)
        when = ck.rfc5322(msg.recv)
        internal = s.domain.endswith("ac-amiens.fr")
        if internal:
            hop = "from smtp%d.ac-amiens.fr (smtp%d.ac-amiens.fr [192.0.2.%d])" % ((rng.randint(1, 4),) * 2 + (rng.randint(10, 60),))
        else:
            host = {"gmail.com": "mail-wr1-f%d.google.com", "orange.fr": "smtp%d.smtp.orange.fr",
                    "wanadoo.fr": "smtp%d.smtp.orange.fr", "free.fr": "smtp%d-g21.free.fr",
                    "laposte.net": "smtp%d.laposte.net"}.get(s.domain, "mx%d." + s.domain)
            host = host % rng.randint(1, 60)
            hop = "from %s (%s [198.51.100.%d])" % (host, host, rng.randint(2, 250))
        H["Return-Path"] = "Return-Path: <%s>" % s.addr
        H["Delivered-To"] = "Delivered-To: " + rcpt
        H["Received"] = ("Received: %s\r\n\tby mx1.ac-amiens.fr (Postfix) with ESMTPS id 4%s\r\n\tfor <%s>; %s"
                         % (hop, qid, rcpt, when))
        if msg.topic == "phish" or msg.topic == "spam":
            H["Authentication-Results"] = ("Authentication-Results: mx1.ac-amiens.fr; spf=softfail "
                                           "smtp.mailfrom=%s; dkim=none; dmarc=fail header.from=%s" % (s.domain, s.domain))
            H["X-Spam"] = ("X-Spam-Flag: YES\r\nX-Spam-Score: %.1f\r\nX-Spam-Status: Yes, score=%.1f required=5.0 "
                           "tests=FREEMAIL_FORGED_REPLYTO,HTML_MESSAGE,URIBL_BLACK" % ((rng.uniform(6, 14),) * 2))
        elif not internal:
            H["Authentication-Results"] = ("Authentication-Results: mx1.ac-amiens.fr; dkim=pass header.d=%s; "
                                           "spf=pass smtp.mailfrom=%s" % (s.domain, s.domain))


# ================================================================= planner
class Planner:
    """Decides scenarios, threads, folders, flags and dates, then renders."""
    MARIE_TOPICS = ("m_parent", "m_coll", "m_admin")
    FWD_TOPICS = ("note_service", "circulaire", "eafc", "reunion_pp", "staff_info", "mouvement", "ent", "sequence")

    def __init__(self, args):
        self.args = args
        now = dt.datetime.fromisoformat(args.now)
        if now.tzinfo is None:
            raise SystemExit("--now needs an explicit UTC offset")
        self.rng = rng = FastRandom(args.seed)
        self.clock = ParisClock(int(now.timestamp()))
        self.days = DaySampler(self.clock, rng)
        self.dir = Directory(rng)
        self.tpl = Templates(self.clock, self.dir)
        self.tpl.validate()
        self.att = Attachments(rng)
        self.ids = set()
        self.rend = Renderer(rng, self.clock, self.dir, self.att, self.ids)
        self.count = {f: 0 for f, _ in FOLDER_TARGETS}
        self.produced = 0
        self.recent_inbox = []       # for reply drafts
        self.topics = C.TOPICS
        ts = list(self.topics)
        self.w_in = [(k, self.topics[k]["weight"]) for k in ts if k not in self.MARIE_TOPICS]
        self.w_arch = [(k, self.topics[k]["weight"]) for k in ts if "Archives" in self.topics[k]["folders"]
                       or k in self.MARIE_TOPICS]
        self.w_user = [(k, self.topics[k]["weight"]) for k in ts
                       if any(f in USER_FOLDERS for f in self.topics[k]["folders"])]
        self.w_trash = [(k, self.topics[k]["weight"]) for k in C.TRASH_SINGLE]

    # ---------------------------------------------------------- helpers
    def _choose(self, pairs):
        return self.rng.choices([k for k, _ in pairs], weights=[w for _, w in pairs])[0]

    def _folder_key(self, f):
        return "USER" if f in USER_FOLDERS else f

    # Most of Sent comes from Marie's replies inside threads (capped by _sent_ok);
    # Marie-initiated threads only top it up, hence the lower scenario weight.
    SCENARIO_TARGETS = tuple((f, 0.05 if f == "Sent" else t) for f, t in FOLDER_TARGETS)

    def _deficit_pick(self):
        n = self.produced + 1
        if self.rng.random() < 0.35:
            return self._choose(self.SCENARIO_TARGETS)
        best, bd = None, -1e9
        for f, tgt in self.SCENARIO_TARGETS:
            d = tgt * n - self.count[f]
            if d > bd:
                best, bd = f, d
        return best

    def _sent_ok(self):
        return self.count["Sent"] < 0.105 * (self.produced + 1)

    def _marie_mailer(self):
        return MAILERS["tb"] if self.rng.random() < 0.6 else MAILERS["zimbra"]

    def _gap(self, prev, topic):
        rng = self.rng
        mean = {"parent": 9 * 3600, "colleague": 3 * 3600}.get(topic.get("from"), 20 * 3600)
        t = prev.recv + 90 + int(rng.expovariate(1.0 / mean))
        lt, _ = self.clock.local(t)
        if lt.tm_hour < 7:                       # nobody answers at 4 a.m.: wait for the morning
            t += (7 - lt.tm_hour) * 3600 + rng.randrange(3 * 3600)
        elif lt.tm_hour == 23:
            t += 8 * 3600 + rng.randrange(3 * 3600)
        return t

    # ---------------------------------------------------------- main loop
    def run(self, emit):
        total = self.args.count
        while self.produced < total:
            f = self._deficit_pick()
            if f == "Junk":
                self.scn_junk(emit)
            elif f == "Drafts":
                self.scn_draft(emit)
            elif f == "Trash":
                self.scn_thread(emit, self._choose(self.w_trash), "Trash")
            elif f == "USER":
                k = self._choose(self.w_user)
                uf = [x for x in self.topics[k]["folders"] if x in USER_FOLDERS][0]
                self.scn_thread(emit, k, uf)
            elif f == "Archives":
                self.scn_thread(emit, self._choose(self.w_arch), "Archives")
            elif f == "Sent":
                self.scn_thread(emit, self.rng.choice(self.MARIE_TOPICS), "INBOX")
            else:
                self.scn_thread(emit, self._choose(self.w_in), "INBOX")

    # ---------------------------------------------------------- scenarios
    def _recipients_for(self, topic, sender, first_other):
        """(to, cc, bcc) for the first message of a thread."""
        rng, d = self.rng, self.dir
        kind = topic["to"]
        marie = d.marie
        if kind == "marie":
            cc = []
            if sender.group == "colleague" and rng.random() < 0.25:
                cc = rng.sample(d.colleagues, rng.randint(1, 3))
                cc = [c for c in cc if c is not sender]
            return [marie], cc, []
        if kind == "staff":
            to = [d.staff]
            cc = [d.direction[1]] if sender is d.direction[0] and rng.random() < 0.5 else []
            return to, cc, []
        if kind == "undisclosed":
            if topic.get("list"):
                return [d.list_contact(topic["list"][0])], [], []
            return ["undisclosed-recipients:;"], [], []
        if kind == "list":
            return [d.list_contact(topic["list"][0])], [], []
        # Marie writes
        if kind == "parent":
            return [first_other], [], []
        if kind == "colleague":
            to = [first_other]
            if rng.random() < 0.3:
                to += [c for c in rng.sample(d.colleagues, 2) if c is not first_other]
            return to, ([d.direction[0]] if rng.random() < 0.1 else []), []
        if kind == "direction":
            return [first_other], ([d.cpe] if rng.random() < 0.3 else []), []
        raise ValueError(kind)

    def _new_msg(self, **kw):
        m = Msg(**kw)
        m.tzoff = None
        return m

    def scn_thread(self, emit, key, recv_folder):
        rng, d = self.rng, self.dir
        topic = self.topics[key]
        remaining = self.args.count - self.produced
        marie_first = topic["from"] == "marie"
        if marie_first:
            other = d.pick(topic["to"] if topic["to"] != "direction" else "direction")
            if topic["to"] == "direction" and other.addr.startswith("ce."):
                other = d.direction[0]
            initiator = d.marie
        else:
            initiator = other = d.pick(topic["from"])
        length = min(rng.choice(topic["len"]), remaining)
        kind_time = "office" if topic["from"] in ("rectorat", "dpe", "dec", "eafc", "dane", "assistance",
                                                  "ensap", "eduscol", "direction", "ipr") else "people"
        older = 0.25 if recv_folder == "Archives" else 0.0
        t0 = self.days.pick(kind_time, older)
        ctx0 = self.tpl.thread_ctx(rng, t0, other if other.group == "parent" else None, key)
        ctx0["_clock"] = self.clock
        subject = fr_fix(rng.choice(topic["subj"]).format_map(ctx0))
        if other.group == "parent" and not marie_first and rng.random() < 0.05:
            subject = subject.lower() if rng.random() < 0.5 else subject + " 🙏"
        msgs = []
        prev = None
        list_topic = topic["to"] == "list"
        for i in range(length):
            if i == 0:
                sender = initiator
            elif list_topic:
                sender = d.marie if (rng.random() < 0.3 and prev.sender is not d.marie) else d.pick("colleague_ext")
            else:
                sender = other if prev.sender is d.marie else d.marie
            if sender is d.marie and i > 0 and not self._sent_ok():
                break
            t = t0 if i == 0 else self._gap(prev, topic)
            if t >= self.clock.now - 60:
                break
            m = self._make(topic, key, sender, prev, i, t, ctx0, subject, other, recv_folder)
            msgs.append(m)
            prev = m
        # optional forward by Marie of the last received message
        if (key in self.FWD_TOPICS and msgs and msgs[-1].sender is not d.marie and self._sent_ok()
                and len(msgs) < remaining and rng.random() < 0.12):
            src = msgs[-1]
            t = self._gap(src, topic)
            if t < self.clock.now - 60:
                to = rng.choice(d.colleagues)
                f = self._make(topic, key, d.marie, src, len(msgs), t, ctx0, subject, to, recv_folder, fwd=True)
                msgs.append(f)
        self._flags_and_emit(msgs, topic, emit)

    def _make(self, topic, key, sender, prev, i, t, ctx0, subject, other, recv_folder, fwd=False):
        rng, d = self.rng, self.dir
        marie = d.marie
        is_marie = sender is marie
        mailer = self._marie_mailer() if is_marie else sender.mailer
        ctx = dict(ctx0)
        if is_marie:
            ctx["_from_addr"] = MARIE_ADDR if rng.random() < 0.85 else MARIE_ALIAS
        else:
            ctx["_to_addr"] = MARIE_ADDR if rng.random() < 0.8 else MARIE_ALIAS
            ctx["_to_name"] = rng.choice(("Marie Dupont", "Marie Dupont", "DUPONT Marie", "Marie DUPONT", ""))
        ctx["s_prenom"], ctx["s_nom"] = sender.prenom, sender.nom
        ctx["e_s"] = "e" if sender.female else ""
        m = self._new_msg(t=t, sender=sender, topic=key, ctx=ctx, mailer=mailer, cc=[], bcc=[], parent=prev,
                          incoming=not is_marie, list=None, atts=[])
        if fwd:
            rcpt = other
            m.kind, m.to = "fwd", [rcpt]
            m.subject = mailer.fwd + prev.subject.split(": ", 1)[-1] if prev.subject.startswith(("Re: ", "RE: ")) \
                else mailer.fwd + prev.subject
            m.body = (rng.choice(("Pour info, voir ci-dessous.", "Je te transfère ce message, pour information.",
                                  "Tu as vu ça ? Ça concerne aussi tes classes.",
                                  "Pour information. On en reparle en réunion d'équipe ?")),)
            m.variant = ("marie_to_coll", "marie_coll")
            ctx["r_prenom"], ctx["r_nom"], ctx["r_civ"] = rcpt.prenom, rcpt.nom, rcpt.civ
            m.fwd_attach = rng.random() < 0.3
            m.refs = [prev.msgid] if mailer.key == "tb" else None
            m.atts = list(prev.atts) if not m.fwd_attach else []
            if prev.ctx.get("_ics") is not None:
                ctx["_ics"] = prev.ctx["_ics"]
            return self._finish(m, recv_folder)
        if i == 0:
            m.kind = "first"
            m.subject = subject
            to, cc, bcc = self._recipients_for(topic, sender, other)
            m.to, m.cc, m.bcc = to, cc, bcc
            m.body = rng.choice(topic["body"])
            ctx0["_doc"] = m.body
            greet = topic["greet"]
            m.variant = (greet, topic["close"])
            if topic.get("list") and sender.group in ("rectorat", "dane", "colleague_ext") or topic["to"] == "list":
                m.list = topic["list"]
                if topic["to"] == "list":
                    m.reply_to = "%s@listes.ac-amiens.fr" % topic["list"][0]
            for p, kind, fname in topic.get("att", ()):
                if rng.random() < p:
                    m.atts.append((kind, fr_fix(fname.format_map(ctx))))
            if key == "conseils" and any(k == "ics" for k, _ in m.atts) or (key == "conseils" and rng.random() < 0.2):
                self._ics(m)
            m.mdn = rng.random() < topic.get("mdn", 0.0)
            # principal forwards a rectorat note to the staff (Outlook "TR:")
            if sender.group == "rectorat" and sender.bulk and rng.random() < 0.2:
                pr = d.direction[0]
                m.sender, m.mailer, m.list = pr, pr.mailer, None
                m.subject = "TR: " + subject
                m.to = [d.staff]
                ot = t - rng.randint(3600, 3 * 86400)
                oh = self.clock.local(ot)[0].tm_hour
                if not 8 <= oh < 18:                  # the rectorat sends during office hours
                    ot -= ((oh - 10) % 24) * 3600
                ctx["_fwd"] = (sender, m.body, ot, subject, m.variant)
                m.body = (rng.choice(("Pour information et diffusion.", "Pour information.",
                                      "Je vous transmets ce message du rectorat, pour information.")),)
                m.variant = ("staff", "dir")
                ctx["s_prenom"], ctx["s_nom"] = pr.prenom, pr.nom
        else:
            m.kind = "reply"
            base = subject
            m.subject = (mailer.re + base) if not base.startswith(("Re: ", "RE: ")) else base
            if topic["to"] == "list":
                m.to = [d.list_contact(topic["list"][0])]
                m.list = topic["list"]
                m.reply_to = m.to[0].addr
            elif is_marie:
                m.to = [prev.sender]
                m.cc = [c for c in prev.cc if c is not marie] if rng.random() < 0.6 else []
            else:
                m.to = [marie]
                m.cc = list(prev.cc)
            replies = topic.get("reply_m" if is_marie else "reply_o") or (("Merci pour votre message.",),)
            m.body = rng.choice(replies)
            if is_marie:
                rel = prev.sender.group
                greet, close = (("marie_to_parent", "marie") if rel == "parent" else
                                ("marie_to_coll", "marie_coll") if rel in ("colleague", "colleague_ext") else
                                ("marie_to_dir", "marie") if rel in ("direction", "ipr") else
                                ("marie_to_inst", "marie"))
            else:
                g = sender.group
                greet, close = (("parent_to_marie", "parent") if g == "parent" else
                                ("coll_to_marie", "coll") if g in ("colleague", "colleague_ext") else
                                ("dir_to_marie", "dir"))
                if topic["to"] == "list":
                    greet = None
            if rng.random() < 0.15:
                greet = None
            m.variant = (greet, close)
            r = prev.sender
            ctx["r_prenom"], ctx["r_nom"], ctx["r_civ"] = r.prenom, r.nom, r.civ
            m.refs = (prev.refs or [])[-9:] + [prev.msgid]
            if topic.get("att") and rng.random() < 0.1:
                p, kind, fname = rng.choice(topic["att"])
                if kind != "ics":
                    m.atts.append((kind, fr_fix(fname.format_map(ctx))))
            m.mdn = is_marie and rng.random() < 0.03
        if i == 0 and is_marie:
            r = m.to[0]
            ctx["r_prenom"], ctx["r_nom"], ctx["r_civ"] = r.prenom, r.nom, r.civ
            if topic["to"] == "parent" and rng.random() < 0.15:
                m.bcc = [rng.choice(d.parents)]
        return self._finish(m, recv_folder)

    def _finish(self, m, recv_folder):
        m.msgid = self.rend.message_id(m)
        m.tzoff = 0 if (m.sender.bulk and m.sender.mailer.key == "bulk" and self.rng.random() < 0.5) else None
        if m.sender is self.dir.marie:
            m.folder, m.recv = "Sent", m.t + self.rng.randint(1, 4)
        else:
            m.folder, m.recv = recv_folder, m.t + self.rng.randint(2, 240)
        return m

    def _ics(self, m):
        ck, rng = self.clock, self.rng
        y, mo, da = m.ctx["_ev"]
        h, mi = (int(x) for x in m.ctx["heure"].split(" h "))
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(m.t))
        uid = "%032X" % rng.getrandbits(128)
        org = m.sender
        m.ctx["_ics"] = K.make_ics(uid, "Conseil de classe %s" % m.ctx["classe"], "Salle %s – %s" % (m.ctx["salle"], COLLEGE),
                                   "%04d%02d%02dT%02d%02d00" % (y, mo, da, h, mi),
                                   "%04d%02d%02dT%02d%02d00" % (y, mo, da, h + 1, mi + 15), stamp,
                                   (org.name, org.addr), [("Marie Dupont", MARIE_ADDR)],
                                   "Conseil de classe du %s. Merci de saisir vos appréciations dans Pronote "
                                   "48 h avant." % m.ctx["trimestre"])
        if not any(k == "ics" for k, _ in m.atts):
            m.atts.append(("ics", "invitation.ics"))

    # ---------------------------------------------------------- flags
    def _flags_and_emit(self, msgs, topic, emit):
        rng, now = self.rng, self.clock.now
        marie = self.dir.marie
        for i, m in enumerate(msgs):
            nxt = msgs[i + 1] if i + 1 < len(msgs) else None
            fl = []
            if m.folder == "Sent":
                fl.append("\\Seen")
            else:
                answered = nxt is not None and nxt.sender is marie and nxt.kind == "reply"
                forwarded = any(x.kind == "fwd" and x.parent is m for x in msgs)
                age = now - m.recv
                if answered or forwarded or m.folder in ("Archives",) or any(
                        x.sender is marie for x in msgs[i + 1:]):
                    seen = True
                elif m.folder in USER_FOLDERS:
                    seen = rng.random() < 0.96
                elif m.folder == "Trash":
                    seen = rng.random() < 0.85
                else:
                    personal = not m.sender.bulk and m.sender.group != "direction"
                    if age < 2 * 86400:
                        p = 0.3
                    elif age < 12 * 86400:
                        p = 0.55
                    else:
                        p = 0.8 if personal else 0.55
                    seen = rng.random() < p
                if seen:
                    fl.append("\\Seen")
                if answered:
                    fl.append("\\Answered")
                if rng.random() < (0.1 if m.sender.group in ("direction", "ipr", "dec") else 0.03):
                    fl.append("\\Flagged")
                if forwarded:
                    fl.append("$Forwarded")
                if m.mdn and seen and rng.random() < 0.6:
                    fl.append("$MDNSent")
            m.flags = fl
            if m.folder == "INBOX" and len(self.recent_inbox) < 400:
                self.recent_inbox.append(m)
            elif m.folder == "INBOX":
                self.recent_inbox[rng.randrange(400)] = m
        for m in msgs:
            keep = any(x.parent is m and x.fwd_attach for x in msgs)
            m.raw = None
            raw = self.rend.render(m)
            if keep:
                m.raw = raw
            emit(m, raw)
            self.count[self._folder_key(m.folder)] += 1
            self.produced += 1
        for m in msgs:          # free memory: keep only what drafts need
            m.raw = None
            m.ctx = None
            m.parent = None

    # ---------------------------------------------------------- singles
    def scn_junk(self, emit):
        rng, d = self.rng, self.dir
        t = self.days.pick("people")
        ctx = self.tpl.thread_ctx(rng, t, topic="junk")
        ctx["_clock"] = self.clock
        ctx["_to_addr"], ctx["_to_name"] = (MARIE_ADDR if rng.random() < 0.7 else MARIE_ALIAS), ""
        if rng.random() < 0.6:
            tpl = rng.choice(C.PHISHING)
            name, addr = rng.choice((("Service Messagerie", "support@ac-arniens.fr"),
                                     ("Académie d'Amiens – Support", "no-reply@ac-arniens.fr"),
                                     ("Webmail Académique", "securite@ac-amiens-webmail.com"),
                                     ("Administrateur Système", "admin@ac-arniens.fr")))
            ctx["phish_url"] = "https://webmail.ac-arniens.fr/owa/verification.php?u=mdupont&id=%012x" % rng.getrandbits(48)
            topic = "phish"
        else:
            tpl = rng.choice(C.SPAM)
            name, addr = tpl["sender"]
            ctx["spam_url"] = "http://%s/r/%010x" % (addr.split("@")[1], rng.getrandbits(40))
            topic = "spam"
        s = Contact(name, addr, "junk", MAILERS["phish"], bulk=True)
        m = self._new_msg(t=t, sender=s, topic=topic, ctx=ctx, mailer=s.mailer, cc=[], bcc=[], parent=None,
                          incoming=True, atts=[], kind="first", subject=tpl["subj"],
                          to=[d.marie if rng.random() < 0.5 else "undisclosed-recipients:;"],
                          body=tpl["body"], variant=(None, None))
        s.sig = ""
        self._finish(m, "Junk")
        m.flags = ["\\Seen"] if rng.random() < 0.3 else []
        emit(m, self.rend.render(m))
        self.count["Junk"] += 1
        self.produced += 1

    def scn_draft(self, emit):
        rng, d = self.rng, self.dir
        marie = d.marie
        src = rng.choice(self.recent_inbox) if self.recent_inbox and rng.random() < 0.5 else None
        if src is not None and src.sender.group not in ("junk",) and not src.sender.bulk:
            t = min(src.recv + rng.randint(300, 3 * 86400), self.clock.now - 120)
            if t <= src.recv:
                src = None
        else:
            src = None
        if src is None:
            t = self.days.pick("people", 0.0)
        ctx = self.tpl.thread_ctx(rng, t, topic="draft")
        ctx["_clock"] = self.clock
        ctx["_from_addr"] = MARIE_ADDR
        mailer = MAILERS["tb"] if rng.random() < 0.7 else MAILERS["zimbra"]
        m = self._new_msg(t=t, sender=marie, topic="draft", ctx=ctx, mailer=mailer, cc=[], bcc=[], parent=None,
                          incoming=False, atts=[], draft=True)
        if src is not None:
            r = src.sender
            m.kind, m.to = "reply", [r]
            m.subject = mailer.re + src.subject if not src.subject.startswith(("Re: ", "RE: ")) else src.subject
            m.refs = (src.refs or [])[-9:] + [src.msgid]
            m.parent = src
            ctx["r_prenom"], ctx["r_nom"], ctx["r_civ"] = r.prenom, r.nom, r.civ
            m.body = (rng.choice(C.DRAFT_BODIES)[0],)
            m.variant = ("marie_to_parent" if r.group == "parent" else "marie_to_coll", None)
        else:
            r = rng.choice(d.parents + d.colleagues)
            m.kind = "first"
            m.to = [r] if rng.random() < 0.8 else []
            ctx["r_prenom"], ctx["r_nom"], ctx["r_civ"] = r.prenom, r.nom, r.civ
            m.subject = fr_fix(rng.choice(C.DRAFT_SUBJECTS).format_map(ctx))
            m.body = rng.choice(C.DRAFT_BODIES)
            m.variant = (("marie_to_parent" if r.group == "parent" else "marie_to_coll") if m.to else None, None)
        m.msgid = self.rend.message_id(m)
        m.folder, m.recv, m.tzoff = "Drafts", t, None
        m.flags = ["\\Seen", "\\Draft"]
        raw = self.rend.render(m)
        m.parent = None
        emit(m, raw)
        self.count["Drafts"] += 1
        self.produced += 1


# =================================================================== output
class Output:
    def __init__(self, out_dir, clock, force):
        self.dir, self.clock = out_dir, clock
        man = os.path.join(out_dir, "manifest.tsv")
        if os.path.isdir(out_dir) and os.listdir(out_dir):
            if not force:
                raise SystemExit("%s is not empty (use --force to replace a previous mailgen output)" % out_dir)
            if os.path.exists(man):
                self._remove_previous(man)
        os.makedirs(out_dir, exist_ok=True)
        self.rows = []
        self.made = set()
        self.seq = 0
        self.bytes = 0

    def _remove_previous(self, man):
        dirs = set()
        with open(man, encoding="utf-8") as f:
            for line in f:
                rel = line.split("\t", 1)[0]
                if rel == "file" or not rel.endswith(".eml"):
                    continue
                p = os.path.join(self.dir, rel)
                if os.path.exists(p):
                    os.unlink(p)
                dirs.add(os.path.dirname(p))
        for dd in sorted(dirs, key=len, reverse=True):
            while dd != self.dir and dd.startswith(self.dir):
                try:
                    os.rmdir(dd)
                except OSError:
                    break
                dd = os.path.dirname(dd)
        os.unlink(man)

    def emit(self, m, raw):
        self.seq += 1
        sub = m.folder
        if sub not in self.made:
            os.makedirs(os.path.join(self.dir, sub), exist_ok=True)
            self.made.add(sub)
        rel = "%s/%06d.eml" % (sub, self.seq)
        with open(os.path.join(self.dir, rel), "wb") as f:
            f.write(raw)
        self.bytes += len(raw)
        self.rows.append((m.recv, self.seq, rel, m.folder, " ".join(m.flags)))

    def close(self):
        self.rows.sort()
        with open(os.path.join(self.dir, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("file\tfolder\tflags\tinternaldate\n")
            for recv, _, rel, folder, flags in self.rows:
                f.write("%s\t%s\t%s\t%s\n" % (rel, folder, flags, self.clock.internaldate(recv)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--count", type=int, default=1000, help="number of messages (default 1000)")
    ap.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    ap.add_argument("--now", default="2026-11-20T10:00:00+01:00",
                    help="reference date; messages span the 18 months before it (default %(default)s)")
    ap.add_argument("--force", action="store_true", help="replace a previous mailgen output in --out")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be >= 1")
    t0 = time.perf_counter()
    pl = Planner(args)
    out = Output(os.path.abspath(args.out), pl.clock, args.force)
    pl.run(out.emit)
    out.close()
    if not args.quiet:
        per = {}
        for _, _, _, f, _ in out.rows:
            per[f] = per.get(f, 0) + 1
        dtm = time.perf_counter() - t0
        print("mailgen: %d messages, %.1f MB in %.2fs (%s) -> %s" % (
            len(out.rows), out.bytes / 1e6, dtm, ", ".join("%s=%d" % kv for kv in sorted(per.items())), args.out))


if __name__ == "__main__":
    main()
