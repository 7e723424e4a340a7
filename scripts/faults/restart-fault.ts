import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { type Connection } from '@/db/client';
import { screeningStates, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { startServer, summarize } from '../lib/bench-server';

import { PORT, REVIEWERS, VOTES_EACH, check, secs, sleep, now, stop, apiClient } from './support';

/** The local PostgreSQL cluster's version folder (/etc/postgresql/<version>). */
function clusterVersion(): string {
  const versions = readdirSync('/etc/postgresql');
  if (versions.length !== 1) throw new Error(`Expected one PostgreSQL cluster in /etc/postgresql, found: ${versions.join(', ')}`);
  return versions[0];
}

/** Fault 2: PostgreSQL restarted while reviewers vote. */
export async function restartFault(conn: Connection, scratchUrl: string): Promise<void> {
  console.log(`\n[2] PostgreSQL restarted during voting (${REVIEWERS} reviewers x ${VOTES_EACH} votes)`);
  const version = clusterVersion();
  const seeded = await seedProject(conn.db, { reviewers: REVIEWERS });
  const projectId = seeded.project.id;
  const reviewers = seeded.members.reviewer;
  // Two reviewers per record (the project's setting): each pair screens its own records.
  const recordsByPair: string[][] = [];
  for (let p = 0; p < REVIEWERS / 2; p++) recordsByPair.push(await seedScreenableReferences(conn.db, projectId, VOTES_EACH, { prefix: `Restart pair ${p}` }));
  const tokens = await Promise.all(reviewers.map(async (r) => (await createApiToken({ userId: r.id, via: 'cli' }, { name: 'faults' })).token));
  const server = await startServer(scratchUrl, PORT);
  const acknowledged = new Map<string, string>();
  const errorStatuses = new Map<string, number>();
  const errorLatencies: number[] = [];
  const okLatencies: number[] = [];
  let nonJsonErrors = 0;
  let restart: { startedAt: number; endedAt: number; status: number | null } | null = null;
  let firstOkAfterRestart: number | null = null;
  let lastErrorAt = 0;
  const totalVotes = REVIEWERS * VOTES_EACH;
  try {
    const started = now();
    const voting = Promise.all(
      reviewers.map(async (reviewer, k) => {
        const api = apiClient(() => PORT, tokens[k]);
        const records = recordsByPair[Math.floor(k / 2)];
        for (let i = 0; i < VOTES_EACH; i++) {
          const decision = (i + k) % 5 === 0 ? 'exclude' : (i + k) % 7 === 0 ? 'maybe' : 'include';
          for (let attempt = 0; ; attempt++) {
            const sent = now();
            let status = 0;
            try {
              const res = await api(`/api/v1/projects/${projectId}/votes`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ referenceId: records[i], stage: 'title_abstract', decision }),
                signal: AbortSignal.timeout(45_000),
              });
              status = res.status;
              const text = await res.text();
              if (res.ok) {
                okLatencies.push(now() - sent);
                acknowledged.set(`${records[i]}:${reviewer.id}`, decision);
                if (restart && restart.endedAt && firstOkAfterRestart === null && sent > restart.endedAt) firstOkAfterRestart = now();
                break;
              }
              try {
                JSON.parse(text).error.message.toString();
              } catch {
                nonJsonErrors += 1;
              }
              // A 4xx is the server's considered answer, not an outage: retrying would not help.
              if (status < 500) throw new Error(`Vote ${i} of reviewer ${k} was refused: ${status} ${text}`);
            } catch (error) {
              if (status >= 400 && status < 500) throw error;
              status = (error as Error).name === 'TimeoutError' ? -1 : 0;
            }
            const key = status === -1 ? 'no answer in 45 s' : status === 0 ? 'connection error' : String(status);
            errorStatuses.set(key, (errorStatuses.get(key) ?? 0) + 1);
            errorLatencies.push(now() - sent);
            lastErrorAt = now();
            if (attempt > 200) throw new Error(`Vote ${i} of reviewer ${k} never went through (last: ${key}).`);
            await sleep(250);
          }
          // Restart PostgreSQL once a third of the votes are in, while the others keep voting.
          if (!restart && acknowledged.size >= totalVotes / 3) {
            restart = { startedAt: now(), endedAt: 0, status: null };
            const r = restart;
            const child = spawn('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d) => (stderr += d));
            child.on('exit', (code) => {
              r.endedAt = now();
              r.status = code;
              console.log(`  pg_ctlcluster ${version} main restart: exit ${code} after ${secs(r.endedAt - r.startedAt)}${stderr.trim() ? ` (${stderr.trim()})` : ''}`);
            });
          }
        }
      }),
    );
    await voting;
    const votingMs = now() - started;
    const r = restart as { startedAt: number; endedAt: number; status: number | null } | null;
    check(r !== null && r.status === 0, `PostgreSQL was restarted in the middle of the voting (pg_ctlcluster exit ${r?.status})`);
    console.log(`  ${acknowledged.size} votes acknowledged in ${secs(votingMs)}; failed attempts (then retried): ${JSON.stringify(Object.fromEntries(errorStatuses))}`);
    const errs = summarize(errorLatencies);
    const oks = summarize(okLatencies);
    console.log(`  answer time of failed attempts: p50 ${errs.p50?.toFixed(0)} ms, max ${Math.max(0, ...errorLatencies).toFixed(0)} ms; of votes: p50 ${oks.p50.toFixed(0)} ms, p99 ${oks.p99.toFixed(0)} ms`);
    if (r && firstOkAfterRestart) console.log(`  first vote acknowledged ${secs((firstOkAfterRestart as number) - r.endedAt)} after the restart command returned; last failed attempt ${secs(lastErrorAt - r.startedAt)} after it began`);
    const fivexx = [...errorStatuses].filter(([k]) => /^5/.test(k));
    check(errorStatuses.size > 0 && fivexx.every(([k]) => k === '503'), `during the outage the API answered 503 (not 500): ${JSON.stringify(Object.fromEntries(errorStatuses))}`);
    check(nonJsonErrors === 0, `every error answer was JSON with a message (${nonJsonErrors} were not)`);
    check(!errorStatuses.has('no answer in 45 s'), `no request hung: every attempt was answered, the slowest failed one in ${Math.max(0, ...errorLatencies).toFixed(0)} ms (the API's deadline is 30 s)`);
    check(acknowledged.size === totalVotes, `every vote was acknowledged in the end, clients retrying (${acknowledged.size} of ${totalVotes})`);

    const stored = await conn.db.select({ referenceId: votes.referenceId, reviewerId: votes.reviewerId, decision: votes.decision }).from(votes).where(eq(votes.projectId, projectId));
    const storedKeys = new Map(stored.map((v) => [`${v.referenceId}:${v.reviewerId}`, v.decision as string]));
    const lost = [...acknowledged].filter(([key, decision]) => storedKeys.get(key) !== decision);
    check(lost.length === 0, `0 acknowledged votes lost (${lost.length})`);
    check(stored.length === storedKeys.size && stored.length === acknowledged.size, `0 doubled: ${stored.length} vote rows for ${storedKeys.size} reviewer-record pairs`);
    const [states] = await conn.db
      .select({ n: count(), votes: sql<number>`sum(${screeningStates.voteCount})::int` })
      .from(screeningStates)
      .where(eq(screeningStates.projectId, projectId));
    check(Number(states.votes) === stored.length, `the records' vote counts agree with the votes (${states.votes} counted, ${stored.length} stored)`);
    const after = await apiClient(() => PORT, tokens[0])(`/api/v1/projects/${projectId}/progress?stage=title_abstract`);
    check(after.status === 200 || after.status === 403, `the same server process answers normally after the restart (progress: ${after.status})`);
  } finally {
    await stop(server);
  }
}
