/**
 * The k8s manifests (issue 14, #9): every file parses, and the NetworkPolicies, evaluated here the
 * way Kubernetes does (a pod selected by no policy of a type is open; once selected, only what a
 * rule of a selecting policy allows), let exactly the expected clients in. Which apps need which
 * data service is read from the code (their config classes and secrets), not from the policies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DEAD_LETTER_PARTITIONS, TOPIC_PARTITIONS, TOPIC_SPECS } from '@laowu/contracts';
import { parse, parseAllDocuments } from 'yaml';

const K8S = join(__dirname, '..');
const ROOT = join(K8S, '../..');
const APPS = ['job-collection', 'worker-profiles', 'matching', 'dispatch'];
const APP_NAMESPACE = 'laowu';

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { protocol?: string; port?: number | string }[];
}
interface NetworkPolicy {
  kind: 'NetworkPolicy';
  metadata: { name: string; namespace?: string };
  spec: { podSelector: Selector; policyTypes: ('Ingress' | 'Egress')[]; ingress?: Rule[]; egress?: Rule[] };
}
interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: any;
}
interface Pod {
  namespace: string;
  labels: Labels;
  /** Container ports by name (named ports in policies). */
  ports?: Record<string, number>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function documents(path: string): Manifest[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => doc.toJS())
    .filter(Boolean);
}

/** The resources of a kustomization directory (files only; no generators or patches). */
function resources(dir: string): Manifest[] {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as { resources?: string[] };
  return (kustomization.resources ?? []).filter((r) => /\.ya?ml$/.test(r)).flatMap((r) => documents(join(dir, r)));
}

function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = key in labels;
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const namespaceLabels = (namespace: string): Labels => ({ 'kubernetes.io/metadata.name': namespace });

function peerMatches(peer: Peer, policyNamespace: string, pod: Pod): boolean {
  if (peer.ipBlock) return false; // pods are addressed by selectors here
  const namespaceOk = peer.namespaceSelector ? selects(peer.namespaceSelector, namespaceLabels(pod.namespace)) : pod.namespace === policyNamespace;
  return namespaceOk && selects(peer.podSelector ?? {}, pod.labels);
}

function portMatches(rule: Rule, target: Pod, port: number): boolean {
  if (!rule.ports?.length) return true;
  return rule.ports.some((p) => p.port === undefined || p.port === port || (typeof p.port === 'string' && target.ports?.[p.port] === port));
}

/** Whether `source` may open a TCP connection to `target` on `port`, by the ingress policies. */
function ingressAllowed(policies: NetworkPolicy[], target: Pod, source: Pod, port: number): boolean {
  const selecting = policies.filter(
    (p) => (p.metadata.namespace ?? APP_NAMESPACE) === target.namespace && p.spec.policyTypes.includes('Ingress') && selects(p.spec.podSelector, target.labels),
  );
  if (!selecting.length) return true;
  return selecting.some((p) =>
    (p.spec.ingress ?? []).some((rule) => (rule.from ?? [{ podSelector: {}, namespaceSelector: {} }]).some((peer) => peerMatches(peer, p.metadata.namespace ?? APP_NAMESPACE, source)) && portMatches(rule, target, port)),
  );
}

/** Whether `source`'s egress policies let it reach `target` on `port`. */
function egressAllowed(policies: NetworkPolicy[], source: Pod, target: Pod, port: number): boolean {
  const selecting = policies.filter(
    (p) => (p.metadata.namespace ?? APP_NAMESPACE) === source.namespace && p.spec.policyTypes.includes('Egress') && selects(p.spec.podSelector, source.labels),
  );
  if (!selecting.length) return true;
  return selecting.some((p) =>
    (p.spec.egress ?? []).some((rule) => (rule.to ?? []).some((peer) => peerMatches(peer, p.metadata.namespace ?? APP_NAMESPACE, target)) && portMatches(rule, target, port)),
  );
}

const appPod = (name: string, namespace = APP_NAMESPACE): Pod => ({ namespace, labels: { 'app.kubernetes.io/name': name }, ports: { http: 3000 } });
const intruders: Pod[] = [
  appPod('something-else'),
  { namespace: APP_NAMESPACE, labels: {} },
  appPod('matching', 'default'), // the right label in another namespace
  { namespace: 'kafka', labels: { app: 'client' } },
];
const ingressController: Pod = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
const prometheus: Pod = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };

/** Apps whose config reads ELASTICSEARCH_URL: the search engine's only legitimate clients. */
const searchClients = APPS.filter((app) => {
  const dir = join(ROOT, 'apps', app, 'src');
  return readdirSync(dir).some((f) => f.endsWith('.config.ts') && /ELASTICSEARCH_URL\s*=/.test(readFileSync(join(dir, f), 'utf8')));
});

/** Postgres cluster of each app, from the host of its DATABASE_URL in the production secret template. */
const databaseClusterOf = Object.fromEntries(
  APPS.map((app) => {
    const env = readFileSync(join(K8S, 'overlays/production/secrets', `${app}.env.example`), 'utf8');
    const host = /^DATABASE_URL=postgres:\/\/[^@]+@([^.:/]+)/m.exec(env)?.[1];
    return [app, host?.replace(/-rw$/, '')];
  }),
);

/** Each topic's production partition count and cleanup policy, from libs/contracts. */
const productionTopics = Object.fromEntries(
  TOPIC_SPECS.map(({ name, compacted }) => {
    const counts = TOPIC_PARTITIONS[name as keyof typeof TOPIC_PARTITIONS] ?? DEAD_LETTER_PARTITIONS;
    return [name, { partitions: counts.production, cleanupPolicy: compacted ? 'compact' : 'delete' }];
  }),
);

describe('k8s manifests', () => {
  const base = resources(join(K8S, 'base'));
  const basePolicies = base.filter((m): m is NetworkPolicy & Manifest => m.kind === 'NetworkPolicy') as unknown as NetworkPolicy[];
  const deployments = base.filter((m) => m.kind === 'Deployment');
  const dataPolicies = resources(join(K8S, 'data-access')) as unknown as NetworkPolicy[];

  it('parse, every file under deploy/k8s', () => {
    const files = yamlFiles(K8S);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const docs = parseAllDocuments(readFileSync(file, 'utf8'));
      for (const doc of docs) expect({ file: relative(K8S, file), errors: doc.errors.map((e) => e.message) }).toEqual({ file: relative(K8S, file), errors: [] });
    }
  });

  it('select every Deployment’s pods by a policy, and deny ingress to the namespace by default', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...APPS].sort());
    const deny = basePolicies.find((p) => p.metadata.name === 'default-deny-ingress');
    expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    for (const deployment of deployments) {
      const labels = deployment.spec.template.metadata.labels as Labels;
      const selecting = basePolicies.filter((p) => selects(p.spec.podSelector, labels) && Object.keys(p.spec.podSelector).length > 0);
      expect({ deployment: deployment.metadata.name, ingress: selecting.some((p) => p.spec.policyTypes.includes('Ingress')) }).toEqual({ deployment: deployment.metadata.name, ingress: true });
      expect({ deployment: deployment.metadata.name, egress: selecting.some((p) => p.spec.policyTypes.includes('Egress')) }).toEqual({ deployment: deployment.metadata.name, egress: true });
    }
  });

  it('let the ingress controller and Prometheus reach the apps’ http port, and nothing else in', () => {
    for (const deployment of deployments) {
      const container = deployment.spec.template.spec.containers[0];
      const http = container.ports.find((p: { name: string }) => p.name === 'http').containerPort as number;
      const pod: Pod = { namespace: APP_NAMESPACE, labels: deployment.spec.template.metadata.labels, ports: { http } };
      const name = deployment.metadata.name;
      expect({ name, ingress: ingressAllowed(basePolicies, pod, ingressController, http) }).toEqual({ name, ingress: true });
      expect({ name, prometheus: ingressAllowed(basePolicies, pod, prometheus, http) }).toEqual({ name, prometheus: true });
      expect({ name, otherPort: ingressAllowed(basePolicies, pod, ingressController, 9229) }).toEqual({ name, otherPort: false });
      for (const source of [...intruders, ...APPS.map((a) => appPod(a))]) {
        expect({ name, source, allowed: ingressAllowed(basePolicies, pod, source, http) }).toEqual({ name, source, allowed: false });
      }
    }
  });

  it('let Kafka’s client listeners be reached by the four apps only', () => {
    const broker: Pod = { namespace: 'kafka', labels: { 'strimzi.io/cluster': 'laowu-kafka', 'strimzi.io/kind': 'Kafka' } };
    for (const port of [9092, 9093]) {
      for (const app of APPS) {
        expect({ app, port, allowed: ingressAllowed(dataPolicies, broker, appPod(app), port) }).toEqual({ app, port, allowed: true });
        expect({ app, port, egress: egressAllowed(basePolicies, appPod(app), broker, port) }).toEqual({ app, port, egress: true });
      }
      for (const source of intruders) expect({ source, port, allowed: ingressAllowed(dataPolicies, broker, source, port) }).toEqual({ source, port, allowed: false });
    }
  });

  it('let the search engine be reached by the apps that use it only (matching)', () => {
    expect(searchClients).toEqual(['matching']);
    const node: Pod = { namespace: 'search', labels: { 'opster.io/opensearch-cluster': 'laowu-search' } };
    for (const app of APPS) {
      const expected = searchClients.includes(app);
      expect({ app, allowed: ingressAllowed(dataPolicies, node, appPod(app), 9200) }).toEqual({ app, allowed: expected });
      expect({ app, egress: egressAllowed(basePolicies, appPod(app), node, 9200) }).toEqual({ app, egress: expected });
    }
    for (const source of intruders) expect({ source, allowed: ingressAllowed(dataPolicies, node, source, 9200) }).toEqual({ source, allowed: false });
  });

  it('let each app reach its own PostgreSQL cluster only', () => {
    expect(new Set(Object.values(databaseClusterOf)).size).toBe(APPS.length);
    for (const [owner, cluster] of Object.entries(databaseClusterOf)) {
      const instance: Pod = { namespace: 'postgres', labels: { 'cnpg.io/cluster': cluster! } };
      for (const app of APPS) {
        expect({ cluster, app, allowed: ingressAllowed(dataPolicies, instance, appPod(app), 5432) }).toEqual({ cluster, app, allowed: app === owner });
      }
      for (const source of intruders) expect({ cluster, source, allowed: ingressAllowed(dataPolicies, instance, source, 5432) }).toEqual({ cluster, source, allowed: false });
    }
  });

  it('give every pod the CA files and every app the credentials that production’s Kafka and search settings name', () => {
    const production = parse(readFileSync(join(K8S, 'overlays/production/kustomization.yaml'), 'utf8')) as {
      configMapGenerator: { name: string; literals: string[] }[];
    };
    const literals = Object.fromEntries(
      production.configMapGenerator.find((g) => g.name === 'laowu-config')!.literals.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(literals.KAFKA_SSL).toBe('true');
    expect(literals.KAFKA_SASL_MECHANISM).toMatch(/^(plain|scram-sha-256|scram-sha-512)$/);
    expect(literals.ELASTICSEARCH_URL).toMatch(/^https:\/\//);
    for (const deployment of deployments) {
      const mounts = (deployment.spec.template.spec.containers[0].volumeMounts as { mountPath: string }[]).map((m) => m.mountPath);
      expect({ app: deployment.metadata.name, mounted: mounts.includes(dirname(literals.KAFKA_SSL_CA_FILE)) }).toEqual({ app: deployment.metadata.name, mounted: true });
      if (searchClients.includes(deployment.metadata.name)) expect(mounts).toContain(dirname(literals.ELASTICSEARCH_CA_FILE));
    }
    for (const app of APPS) {
      const env = readFileSync(join(K8S, 'overlays/production/secrets', `${app}.env.example`), 'utf8');
      expect({ app, user: /^KAFKA_SASL_USERNAME=\S+/m.test(env), password: /^KAFKA_SASL_PASSWORD=\S+/m.test(env) }).toEqual({ app, user: true, password: true });
      if (searchClients.includes(app)) expect(env).toMatch(/^ELASTICSEARCH_PASSWORD=\S+/m);
    }
  });

  it('create every topic with the production partition count and cleanup policy of libs/contracts', () => {
    const kafkaTopics = resources(join(K8S, 'kafka-topics')).filter((m) => m.kind === 'KafkaTopic');
    const stated = Object.fromEntries(kafkaTopics.map((t) => [t.spec.topicName, { partitions: t.spec.partitions, cleanupPolicy: t.spec.config['cleanup.policy'] }]));
    expect(stated).toEqual(productionTopics);
  });
});
