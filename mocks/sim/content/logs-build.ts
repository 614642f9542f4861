/**
 * The build step log: git checkout, a Maven plugin-resolution pass, then a multi-module AEM
 * project build (archetype layout) with the download noise that makes real logs long.
 * A re-execution's build only copies the artifacts of an earlier execution.
 */
import { LogBuilder, isoSeconds, mavenDuration, projectInfo, type ProjectInfo } from './log-builder';
import { artifactPool, downloadLines } from './maven-repo';
import { rngFor, type Rng } from './rng';
import type { ContentContext, LogLine } from './types';

const VERSION = '1.0.0-SNAPSHOT';
const ROOT = '/build_root/build';
const WIDTH = 72;
import { AEM_SDK_VERSION } from './log-builder';
export { AEM_SDK_VERSION };

interface Module {
  dir: string;
  name: string;
  packaging: string;
  /** Share of the download lines printed while this module builds. */
  share: number;
  body: (b: LogBuilder, m: ModuleContext) => void;
}

interface ModuleContext {
  project: ProjectInfo;
  rng: Rng;
  artifactId: string;
  dir: string;
  failure?: Failure;
}

type Failure = { kind: 'compile' | 'test' | 'dependency'; module: string };

const dashes = (n: number) => '-'.repeat(Math.max(0, n));

function centered(text: string): string {
  const left = Math.floor((WIDTH - text.length) / 2);
  return `${dashes(left)}${text}${dashes(WIDTH - text.length - left)}`;
}

function rightAligned(left: string, right: string): string {
  return `${left}${' '.repeat(Math.max(1, WIDTH - left.length - right.length))}${right}`;
}

function plugin(b: LogBuilder, coords: string, goal: string, execution: string, artifactId: string, weight = 0.3): void {
  b.line('[INFO] ').line(`[INFO] --- ${coords}:${goal} (${execution}) @ ${artifactId} ---`, weight);
}

export function buildLog(ctx: ContentContext): LogLine[] {
  const rng = rngFor(ctx, 'build-log', ctx.step.id);
  const project = projectInfo(ctx);
  const b = new LogBuilder();
  if (ctx.step.sim.reusedArtifactsFrom) return reusedBuildLog(ctx, project).build(ctx);

  checkout(b, ctx, project, rng);
  const resolve = b.child();
  b.line('[INFO] ------------------------------------------------------------------------', 0.2)
    .line(`[INFO] Resolved the plugins of ${project.slug} and their dependencies.`)
    .line('[INFO] ------------------------------------------------------------------------')
    .line((c) => `[INFO] Total time:  ${mavenDuration(c.now - c.start)}`)
    .line((c) => `[INFO] Finished at: ${isoSeconds(c.now)}`)
    .line('[INFO] ------------------------------------------------------------------------')
    .line('Executing command mvn --batch-mode org.jacoco:jacoco-maven-plugin:prepare-agent package', 0.5)
    .mark('maven');

  const failure = planFailure(ctx, rng);
  const modules = moduleList(project);
  const failingIndex = failure ? modules.findIndex((m) => m.dir === failure.module) : -1;
  const ran = failingIndex >= 0 ? modules.slice(0, failingIndex + 1) : modules;

  b.line('[INFO] Scanning for projects...', 1.5);
  b.line('[INFO] ------------------------------------------------------------------------')
    .line('[INFO] Reactor Build Order:')
    .line('[INFO] ');
  for (const m of modules) b.line(`[INFO] ${rightAligned(m.name, `[${m.packaging}]`)}`);

  const slots: { slot: LogBuilder; share: number }[] = [{ slot: resolve, share: 0.45 }];
  ran.forEach((m, index) => {
    const artifactId = m.dir === '.' ? project.slug : `${project.slug}.${m.dir}`;
    b.mark(`module-${index}`);
    b.line('[INFO] ')
      .line(`[INFO] ${centered(`< ${project.groupId}:${artifactId} >`)}`)
      .line(`[INFO] ${rightAligned(`Building ${m.name} ${VERSION}`, `[${index + 1}/${modules.length}]`)}`)
      .line(`[INFO]   from ${m.dir === '.' ? '' : `${m.dir}/`}pom.xml`)
      .line(`[INFO] ${centered(`[ ${m.packaging} ]`)}`);
    if (m.share > 0) slots.push({ slot: b.child(), share: m.share });
    m.body(b, {
      project,
      rng,
      artifactId,
      dir: m.dir === '.' ? ROOT : `${ROOT}/${m.dir}`,
      failure: index === failingIndex ? failure : undefined,
    });
  });
  b.mark('end');

  // The download noise: a seeded share of the artifact pool (all of it without a build cache), spread over the slots.
  const share = rng.float(0.8, 0.97);
  const pool = rng.sample(
    artifactPool(),
    ctx.step.sim.buildCache === 'empty' ? artifactPool().length : Math.round(artifactPool().length * share),
  );
  const totalShare = slots.reduce((sum, s) => sum + s.share, 0);
  let cursor = 0;
  slots.forEach((s, i) => {
    const count = i === slots.length - 1 ? pool.length - cursor : Math.round((pool.length * s.share) / totalShare);
    for (const artifact of pool.slice(cursor, cursor + count)) s.slot.lines(downloadLines(artifact, rng), 0.04);
    cursor += count;
  });
  fillResolvePlugins(resolve, rng);

  reactorSummary(b, project, modules, ran.length, failure);
  if (failure) failureEpilogue(b, project, failure, modules[failingIndex], ctx);
  return b.build(ctx);
}

function planFailure(ctx: ContentContext, rng: Rng): Failure | undefined {
  if (ctx.step.sim.result === 'ERROR') return { kind: 'dependency', module: 'core' };
  if (ctx.step.sim.result === 'FAILED') return rng.chance(0.5) ? { kind: 'compile', module: 'core' } : { kind: 'test', module: 'core' };
  return undefined;
}

function checkout(b: LogBuilder, ctx: ContentContext, project: ProjectInfo, rng: Rng): void {
  const commit = ctx.execution.sim.commitId;
  const url = `https://git.cloudmanager.adobe.com/${ctx.program.tenantId}/${project.repository}/`;
  const messages = [
    'Update footer navigation',
    'Fix byline image rendering',
    'Add adventure teaser component',
    'Bump core components to 2.23.4',
    'Tune dispatcher cache rules',
    'Merge pull request #' + rng.int(40, 400),
  ];
  b.line((c) => `${isoSeconds(c.now)} Build started for execution ${ctx.execution.id} (pipeline ${ctx.pipeline.name})`, 0.1).line(
    'Preparing build environment: cloudmanager-build:jdk11-maven3.9 (Ubuntu 22.04, 4 vCPU, 16 GB)',
    2,
  );
  buildEnvironment(b, ctx);
  b.line(`Cloning repository ${url} (branch ${project.branch})`, 1)
    .line(`Cloning into '${ROOT}'...`, 4)
    .line(`Checking out commit ${commit}`, 0.5)
    .line(`HEAD is now at ${commit.slice(0, 7)} ${commitMessage(ctx, rng.pick(messages))}`)
    .line('Found .cloudmanager/java-version: 11')
    .line('Using JDK: openjdk version "11.0.21" 2023-10-17 LTS')
    .line('Apache Maven 3.9.4 (dfbb324ad4a7c8fb0bf182e6d91b0ae20e3d2dd9)')
    .line(`Maven home: /usr/share/maven`)
    .line('Java version: 11.0.21, vendor: Azul Systems, Inc., runtime: /usr/lib/jvm/zulu11')
    .line('Executing command mvn --batch-mode org.apache.maven.plugins:maven-dependency-plugin:3.1.2:resolve-plugins', 0.5)
    .line('[INFO] Scanning for projects...', 1)
    .line('[INFO] ')
    .line(`[INFO] ${centered(`< ${project.groupId}:${project.slug} >`)}`)
    .line(`[INFO] ${rightAligned(`Building ${project.title} ${VERSION}`, '[1/1]')}`)
    .line(`[INFO] ${centered('[ pom ]')}`)
    .line('[INFO] ')
    .line(`[INFO] --- maven-dependency-plugin:3.1.2:resolve-plugins (default-cli) @ ${project.slug} ---`);
}

/** A pushed commit's message (on one line), or the made-up one (drawn either way, so the rest of the log stays the same). */
function commitMessage(ctx: ContentContext, madeUp: string): string {
  return oneLine(ctx.execution.sim.commitMessage ?? madeUp);
}

/** The variables the build received (secrets masked) and whether its cache was restored. */
function buildEnvironment(b: LogBuilder, ctx: ContentContext): void {
  const variables = ctx.step.sim.variables ?? [];
  if (variables.length) {
    b.line(`Pipeline variables: ${variables.length} set in the build environment`);
    for (const v of variables) b.line(`  ${v.name}=${v.type === 'secretString' ? SECRET_MASK : oneLine(v.value ?? '')}`);
  }
  if (ctx.step.sim.buildCache === 'empty') {
    b.line('Restoring the build cache (/root/.m2/repository, node_modules caches)...', 0.5).line(
      'The build cache is empty (it was invalidated, or this pipeline has not built before): downloading dependencies afresh.',
    );
  } else {
    b.line('Restoring the build cache (/root/.m2/repository, node_modules caches)...', 0.5).line(
      'Build cache restored: only dependencies missing from it are downloaded.',
      3,
    );
  }
}

/** How a secret's value is shown: never the value. */
const SECRET_MASK = '********';

/** A value on one log line: line breaks and other control characters escaped. */
function oneLine(value: string): string {
  return value.replace(/\p{Cc}/gu, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const RESOLVED_PLUGINS = [
  'maven-clean-plugin-3.2.0.jar',
  'maven-resources-plugin-3.3.1.jar',
  'maven-compiler-plugin-3.11.0.jar',
  'maven-surefire-plugin-3.1.2.jar',
  'maven-jar-plugin-3.3.0.jar',
  'maven-install-plugin-3.1.1.jar',
  'maven-enforcer-plugin-3.4.1.jar',
  'jacoco-maven-plugin-0.8.10.jar',
  'bnd-maven-plugin-6.4.0.jar',
  'bnd-baseline-maven-plugin-6.4.0.jar',
  'filevault-package-maven-plugin-1.3.4.jar',
  'htl-maven-plugin-2.0.4-1.4.0.jar',
  'frontend-maven-plugin-1.15.0.jar',
  'aemanalyser-maven-plugin-1.5.8.jar',
  'maven-assembly-plugin-3.6.0.jar',
  'build-helper-maven-plugin-3.4.0.jar',
];

function fillResolvePlugins(b: LogBuilder, rng: Rng): void {
  for (const jar of RESOLVED_PLUGINS) {
    b.line(`[INFO] Plugin Resolved: ${jar}`, 0.05);
    const deps = rng.int(3, 9);
    for (let i = 0; i < deps; i += 1) b.line(`[INFO]     Plugin Dependency Resolved: ${rng.pick(PLUGIN_DEPS)}`, 0.01);
  }
}

const PLUGIN_DEPS = [
  'maven-plugin-api-3.9.4.jar',
  'maven-core-3.9.4.jar',
  'plexus-utils-3.5.1.jar',
  'commons-io-2.13.0.jar',
  'commons-lang3-3.12.0.jar',
  'maven-shared-utils-3.4.2.jar',
  'plexus-compiler-api-2.13.0.jar',
  'asm-9.5.jar',
  'biz.aQute.bndlib-6.4.0.jar',
  'org.apache.jackrabbit.vault-3.7.0.jar',
  'slf4j-api-1.7.36.jar',
  'jackson-databind-2.15.2.jar',
  'guava-32.0.1-jre.jar',
  'org.jacoco.core-0.8.10.jar',
];

function moduleList(project: ProjectInfo): Module[] {
  const t = project.title;
  return [
    { dir: '.', name: t, packaging: 'pom', share: 0.02, body: parentBody },
    { dir: 'core', name: `${t} - Core`, packaging: 'jar', share: 0.2, body: coreBody },
    { dir: 'ui.frontend', name: `${t} - UI Frontend`, packaging: 'pom', share: 0.05, body: frontendBody },
    {
      dir: 'ui.apps.structure',
      name: `${t} - Repository Structure Package`,
      packaging: 'content-package',
      share: 0.06,
      body: structureBody,
    },
    { dir: 'ui.apps', name: `${t} - UI apps`, packaging: 'content-package', share: 0.06, body: appsBody },
    {
      dir: 'ui.config',
      name: `${t} - UI config`,
      packaging: 'content-package',
      share: 0.01,
      body: (b, m) => contentPackageBody(b, m, 'config', 14),
    },
    {
      dir: 'ui.content',
      name: `${t} - UI content`,
      packaging: 'content-package',
      share: 0.02,
      body: (b, m) => contentPackageBody(b, m, 'content', 180),
    },
    { dir: 'all', name: `${t} - All`, packaging: 'content-package', share: 0.08, body: allBody },
    { dir: 'it.tests', name: `${t} - Integration Tests`, packaging: 'jar', share: 0.04, body: itTestsBody },
    { dir: 'dispatcher', name: `${t} - Dispatcher`, packaging: 'pom', share: 0.01, body: dispatcherBody },
    { dir: 'ui.tests', name: `${t} - UI Tests`, packaging: 'pom', share: 0.01, body: uiTestsBody },
  ];
}

function parentBody(b: LogBuilder, m: ModuleContext): void {
  plugin(b, 'maven-enforcer-plugin:3.4.1', 'enforce', 'enforce-maven', m.artifactId);
  b.line('[INFO] Rule 0: org.apache.maven.enforcer.rules.version.RequireMavenVersion passed').line(
    '[INFO] Rule 1: org.apache.maven.enforcer.rules.version.RequireJavaVersion passed',
  );
  plugin(b, 'jacoco-maven-plugin:0.8.10', 'prepare-agent', 'default-cli', m.artifactId);
  b.line(
    `[INFO] argLine set to -javaagent:/root/.m2/repository/org/jacoco/org.jacoco.agent/0.8.10/org.jacoco.agent-0.8.10-runtime.jar=destfile=${ROOT}/target/jacoco.exec`,
  );
}

const CORE_CLASSES = [
  'models.impl.BylineImpl',
  'models.impl.HelloWorldModelImpl',
  'models.impl.ImageListImpl',
  'models.impl.ArticleTeaserImpl',
  'models.impl.NavigationImpl',
  'models.impl.ContactFormImpl',
  'servlets.SimpleServlet',
  'servlets.SitemapServlet',
  'filters.LoggingFilter',
  'listeners.SimpleResourceListener',
  'schedulers.SimpleScheduledTask',
  'services.impl.AdventureServiceImpl',
  'utils.LinkUtils',
  'utils.ImageUtils',
];

export const CORE_TEST_CLASSES = CORE_CLASSES.map((c) => `${c}Test`);

function coreBody(b: LogBuilder, m: ModuleContext): void {
  const { rng, artifactId, dir, project } = m;
  plugin(b, 'maven-enforcer-plugin:3.4.1', 'enforce', 'enforce-maven', artifactId);
  b.line('[INFO] Rule 0: org.apache.maven.enforcer.rules.version.RequireMavenVersion passed');
  plugin(b, 'jacoco-maven-plugin:0.8.10', 'prepare-agent', 'default-cli', artifactId);
  b.line(
    `[INFO] argLine set to -javaagent:/root/.m2/repository/org/jacoco/org.jacoco.agent/0.8.10/org.jacoco.agent-0.8.10-runtime.jar=destfile=${dir}/target/jacoco.exec`,
  );
  if (m.failure?.kind === 'dependency') {
    b.line(
      `[INFO] Downloading from central: https://repo.maven.apache.org/maven2/com/adobe/aem/aem-sdk-api/${AEM_SDK_VERSION}/aem-sdk-api-${AEM_SDK_VERSION}.jar`,
      2,
    );
    b.line(
      '[WARNING] Could not transfer artifact com.adobe.aem:aem-sdk-api:jar:' +
        AEM_SDK_VERSION +
        ' from/to central (https://repo.maven.apache.org/maven2): Connection reset',
      60,
    );
    return;
  }
  plugin(b, 'maven-resources-plugin:3.3.1', 'resources', 'default-resources', artifactId);
  b.line(`[INFO] Copying ${rng.int(2, 8)} resources from src/main/resources to target/classes`);
  plugin(b, 'maven-compiler-plugin:3.11.0', 'compile', 'default-compile', artifactId);
  const sources = rng.int(38, 64);
  b.line('[INFO] Changes detected - recompiling the module! :dependency').line(
    `[INFO] Compiling ${sources} source files with javac [debug release 11] to target/classes`,
    rng.float(10, 25),
  );
  if (m.failure?.kind === 'compile') {
    const file = `${dir}/src/main/java/${project.packagePath}/core/models/impl/ArticleTeaserImpl.java`;
    b.line('[INFO] -------------------------------------------------------------')
      .line('[ERROR] COMPILATION ERROR : ')
      .line('[INFO] -------------------------------------------------------------')
      .line(`[ERROR] ${file}:[${rng.int(40, 120)},${rng.int(9, 40)}] cannot find symbol`)
      .line('  symbol:   method getPublishDate()')
      .line(`  location: variable page of type com.day.cq.wcm.api.Page`)
      .line(
        `[ERROR] ${file}:[${rng.int(121, 160)},${rng.int(9, 40)}] incompatible types: java.util.Calendar cannot be converted to java.time.Instant`,
      )
      .line('[INFO] 2 errors ')
      .line('[INFO] -------------------------------------------------------------');
    return;
  }
  plugin(b, 'maven-resources-plugin:3.3.1', 'testResources', 'default-testResources', artifactId);
  b.line(`[INFO] Copying ${rng.int(4, 20)} resources from src/test/resources to target/test-classes`);
  plugin(b, 'maven-compiler-plugin:3.11.0', 'testCompile', 'default-testCompile', artifactId);
  b.line('[INFO] Changes detected - recompiling the module! :dependency').line(
    `[INFO] Compiling ${CORE_TEST_CLASSES.length + rng.int(0, 4)} source files with javac [debug release 11] to target/test-classes`,
    rng.float(4, 10),
  );
  plugin(b, 'maven-surefire-plugin:3.1.2', 'test', 'default-test', artifactId);
  b.line('[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider', 2)
    .line('[INFO] ')
    .line('[INFO] -------------------------------------------------------')
    .line('[INFO]  T E S T S')
    .line('[INFO] -------------------------------------------------------');
  let total = 0;
  let skipped = 0;
  const failingClass = m.failure?.kind === 'test' ? rng.pick(CORE_TEST_CLASSES) : undefined;
  for (const cls of CORE_TEST_CLASSES) {
    const fqcn = `${project.groupId}.core.${cls}`;
    const run = rng.int(1, 9);
    const skip = rng.chance(0.08) ? 1 : 0;
    total += run;
    skipped += skip;
    b.line(`[INFO] Running ${fqcn}`, 0.2);
    const noise = rng.int(0, 6);
    for (let i = 0; i < noise; i += 1) {
      b.line(`[main] ${rng.pick(['INFO', 'INFO', 'DEBUG', 'WARN'])} ${rng.pick(MOCK_LOGGERS)} - ${rng.pick(MOCK_MESSAGES)}`, 0.05);
    }
    const elapsed = rng.float(0.02, 3.5).toFixed(3);
    if (cls === failingClass) {
      b.line(
        `[ERROR] Tests run: ${run}, Failures: 1, Errors: 0, Skipped: ${skip}, Time elapsed: ${elapsed} s <<< FAILURE! -- in ${fqcn}`,
        1,
      )
        .line(`[ERROR] ${fqcn}.testGetTitle -- Time elapsed: 0.0${rng.int(10, 99)} s <<< FAILURE!`)
        .line('org.opentest4j.AssertionFailedError: expected: <Bali Surf Camp> but was: <null>')
        .line('\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)')
        .line('\tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)')
        .line('\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)')
        .line(`\tat ${fqcn}.testGetTitle(${cls.split('.').pop()}.java:${rng.int(40, 90)})`)
        .line('\tat java.base/java.lang.reflect.Method.invoke(Method.java:566)');
    } else {
      b.line(
        `[INFO] Tests run: ${run}, Failures: 0, Errors: 0, Skipped: ${skip}, Time elapsed: ${elapsed} s -- in ${fqcn}`,
        Number(elapsed) + 0.3,
      );
    }
  }
  b.line('[INFO] ').line('[INFO] Results:').line('[INFO] ');
  if (failingClass) {
    const fqcn = `${project.groupId}.core.${failingClass}`;
    b.line('[ERROR] Failures: ')
      .line(`[ERROR]   ${failingClass.split('.').pop()}.testGetTitle:${rng.int(40, 90)} expected: <Bali Surf Camp> but was: <null>`)
      .line('[INFO] ')
      .line(`[ERROR] Tests run: ${total}, Failures: 1, Errors: 0, Skipped: ${skipped}`)
      .line('[INFO] ')
      .line(`[ERROR] There are test failures.`)
      .line('[ERROR] ')
      .line(`[ERROR] Please refer to ${dir}/target/surefire-reports for the individual test results.`)
      .line(`[ERROR] Failing test: ${fqcn}`);
    return;
  }
  b.line(`[INFO] Tests run: ${total}, Failures: 0, Errors: 0, Skipped: ${skipped}`).line('[INFO] ');
  plugin(b, 'jacoco-maven-plugin:0.8.10', 'report', 'report', artifactId);
  b.line(`[INFO] Loading execution data file ${dir}/target/jacoco.exec`).line(
    `[INFO] Analyzed bundle '${project.title} - Core' with ${sources - rng.int(2, 8)} classes`,
  );
  plugin(b, 'bnd-maven-plugin:6.4.0', 'bnd-process', 'bnd-process', artifactId, 2);
  plugin(b, 'maven-jar-plugin:3.3.0', 'jar', 'default-jar', artifactId);
  b.line(`[INFO] Building jar: ${dir}/target/${artifactId}-${VERSION}.jar`, 1);
  plugin(b, 'bnd-baseline-maven-plugin:6.4.0', 'baseline', 'baseline', artifactId);
  b.line(`[INFO] Baseline bundle not found for ${project.groupId}:${artifactId}:jar:(,${VERSION}), skipping baseline`);
}

const MOCK_LOGGERS = [
  'org.apache.sling.testing.mock.osgi.MockBundleContext',
  'io.wcm.testing.mock.aem.MockAemAdapterFactory',
  'org.apache.sling.models.impl.ModelAdapterFactory',
  'org.apache.sling.resourceresolver.impl.mapping.MapEntries',
  'com.day.cq.wcm.core.impl.PageManagerImpl',
];

const MOCK_MESSAGES = [
  'Registering model classes from bundle',
  'Found 0 mappings for /content',
  'Adapter factory registered for org.apache.sling.api.resource.Resource',
  'Using default implementation picker',
  'No resource type found for /content/site/en/jcr:content/root/container',
  'Skipping mapping because no alias found',
  'Injection of field "title" failed: value is null',
];

function frontendBody(b: LogBuilder, m: ModuleContext): void {
  const { rng, artifactId, dir, project } = m;
  plugin(b, 'frontend-maven-plugin:1.15.0', 'install-node-and-npm', 'install node and npm', artifactId);
  b.line('[INFO] Installing node version v18.17.1')
    .line(
      '[INFO] Downloading https://nodejs.org/dist/v18.17.1/node-v18.17.1-linux-x64.tar.gz to /root/.m2/repository/com/github/eirslett/node/18.17.1/node-18.17.1-linux-x64.tar.gz',
      3,
    )
    .line('[INFO] No proxies configured')
    .line('[INFO] No proxy was configured, downloading directly', 2)
    .line(`[INFO] Unpacking /root/.m2/repository/com/github/eirslett/node/18.17.1/node-18.17.1-linux-x64.tar.gz into ${dir}/node/tmp`, 2)
    .line(`[INFO] Copying node binary from ${dir}/node/tmp/node-v18.17.1-linux-x64/bin/node to ${dir}/node/node`)
    .line('[INFO] Installed node locally.')
    .line('[INFO] Installing npm version 9.6.7', 2)
    .line('[INFO] Installed npm locally.');
  plugin(b, 'frontend-maven-plugin:1.15.0', 'npm', 'npm ci', artifactId);
  b.line(`[INFO] Running 'npm ci' in ${dir}`);
  for (const dep of rng.sample(NPM_DEPRECATIONS, rng.int(3, NPM_DEPRECATIONS.length))) b.line(`[INFO] npm WARN deprecated ${dep}`, 0.8);
  const packages = rng.int(900, 1400);
  b.line('[INFO] ', rng.float(25, 60))
    .line(`[INFO] added ${packages} packages, and audited ${packages + 1} packages in ${rng.int(25, 60)}s`)
    .line('[INFO] ')
    .line(`[INFO] ${rng.int(120, 190)} packages are looking for funding`)
    .line('[INFO]   run `npm fund` for details')
    .line('[INFO] ')
    .line('[INFO] found 0 vulnerabilities');
  plugin(b, 'frontend-maven-plugin:1.15.0', 'npm', 'npm run prod', artifactId);
  b.line(`[INFO] Running 'npm run prod' in ${dir}`)
    .line('[INFO] ')
    .line(`[INFO] > ${project.slug}.ui.frontend@1.0.0 prod`)
    .line('[INFO] > webpack --config ./webpack.prod.js && clientlib --verbose')
    .line('[INFO] ');
  const assets = [
    'clientlib-site/site.js',
    'clientlib-site/site.css',
    'clientlib-site/vendors.js',
    'clientlib-dependencies/dependencies.js',
    'clientlib-dependencies/dependencies.css',
  ];
  for (const asset of assets)
    b.line(
      `[INFO] asset ${asset} ${rng.float(1, 180).toFixed(1)} KiB [emitted] [minimized] (name: ${asset.split('/')[1].split('.')[0]})`,
      0.5,
    );
  const resources = rng.int(12, 30);
  for (let i = 0; i < resources; i += 1)
    b.line(
      `[INFO] asset clientlib-site/resources/images/${rng.pick(IMAGES)}-${rng.hex(8)}.${rng.pick(['svg', 'png', 'jpg'])} ${rng.float(0.4, 90).toFixed(1)} KiB [emitted] [from: src/main/webpack/resources/images] [copied]`,
      0.1,
    );
  b.line(`[INFO] orphan modules ${rng.float(50, 400).toFixed(0)} KiB [orphan] ${rng.int(20, 60)} modules`)
    .line(`[INFO] runtime modules ${rng.float(1, 6).toFixed(2)} KiB ${rng.int(5, 14)} modules`)
    .line(`[INFO] webpack 5.88.2 compiled successfully in ${rng.int(5000, 16000)} ms`, rng.float(8, 20))
    .line('[INFO] start aem-clientlib-generator')
    .line('[INFO] ');
  const target = `../ui.apps/src/main/content/jcr_root/apps/${project.slug}/clientlibs`;
  for (const lib of ['clientlib-dependencies', 'clientlib-site']) {
    b.line(`[INFO] processing clientlib: ${lib}`)
      .line('[INFO] Write node configuration using serialization format: xml')
      .line(`[INFO] write clientlib json file: ${target}/${lib}/.content.xml`)
      .line('[INFO] ');
    const files = lib === 'clientlib-site' ? ['site.js', 'site.css', 'vendors.js'] : ['dependencies.js', 'dependencies.css'];
    for (const file of files) {
      const kind = file.endsWith('.css') ? 'css' : 'js';
      b.line(`[INFO] copy: dist/${lib}/${file} ${target}/${lib}/${kind}/${file}`);
    }
    if (lib === 'clientlib-site') {
      for (let i = 0; i < resources; i += 1)
        b.line(`[INFO] copy: dist/${lib}/resources/images/asset-${i}.svg ${target}/${lib}/resources/images/asset-${i}.svg`, 0.01);
    }
    b.line(`[INFO] write clientlib asset txt file (type: js): ${target}/${lib}/js.txt`).line(
      `[INFO] write clientlib asset txt file (type: css): ${target}/${lib}/css.txt`,
    );
  }
}

const NPM_DEPRECATIONS = [
  'stable@0.1.8: Modern JS already guarantees Array#sort() is a stable sort, so this library is deprecated.',
  'inflight@1.0.6: This module is not supported, and leaks memory.',
  'glob@7.2.3: Glob versions prior to v9 are no longer supported',
  'rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported',
  'source-map-resolve@0.6.0: See https://github.com/lydell/source-map-resolve#deprecated',
  'svgo@1.3.2: This SVGO version is no longer supported. Upgrade to v2.x.x.',
  'chokidar@2.1.8: Chokidar 2 does not receive security updates since 2019.',
  'querystring@0.2.0: The querystring API is considered Legacy.',
];

const IMAGES = [
  'logo',
  'icon-search',
  'icon-menu',
  'hero-bg',
  'arrow',
  'social-facebook',
  'social-instagram',
  'social-twitter',
  'chevron',
  'close',
];

function filevault(b: LogBuilder, m: ModuleContext, files: number): void {
  const { rng, artifactId, dir } = m;
  plugin(b, 'filevault-package-maven-plugin:1.3.4', 'generate-metadata', 'default-generate-metadata', artifactId);
  b.line(`[INFO] Using filter from ${dir}/src/main/content/META-INF/vault/filter.xml`)
    .line(`[INFO] Retrieving used node types...`)
    .line(
      `[INFO] Calculated package type: ${artifactId.endsWith('structure') ? 'application' : artifactId.endsWith('content') ? 'content' : artifactId.endsWith('all') ? 'container' : 'application'}`,
    );
  plugin(b, 'filevault-package-maven-plugin:1.3.4', 'validate-files', 'default-validate-files', artifactId);
  b.line(
    `[INFO] Using ${rng.int(9, 12)} validators for package of type ${artifactId.endsWith('content') ? 'CONTENT' : 'APPLICATION'}: jackrabbit-filter, jackrabbit-properties, jackrabbit-dependencies, jackrabbit-docviewparser, jackrabbit-emptyelements, jackrabbit-mergelimitations, jackrabbit-oakindex, jackrabbit-packagetype, jackrabbit-nodetypes, netcentric-aem-cloud`,
  ).line(`[INFO] Validated ${files} files`, files * 0.02);
  plugin(b, 'filevault-package-maven-plugin:1.3.4', 'package', 'default-package', artifactId);
  b.line(`[INFO] Packaging content package ${dir}/target/${artifactId}-${VERSION}.zip`, 1);
  plugin(b, 'filevault-package-maven-plugin:1.3.4', 'validate-package', 'default-validate-package', artifactId);
  b.line(`[INFO] Start validating package ${artifactId}-${VERSION}.zip...`).line('[INFO] No violations found.');
}

function structureBody(b: LogBuilder, m: ModuleContext): void {
  filevault(b, m, 6);
}

function appsBody(b: LogBuilder, m: ModuleContext): void {
  plugin(b, 'htl-maven-plugin:2.0.4-1.4.0', 'validate', 'validate-scripts', m.artifactId);
  const scripts = m.rng.int(24, 60);
  b.line(`[INFO] Processed ${scripts} files in ${m.rng.int(400, 1600)} milliseconds`, 2);
  plugin(b, 'maven-resources-plugin:3.3.1', 'resources', 'default-resources', m.artifactId);
  b.line(`[INFO] Copying ${scripts * 3} resources from src/main/content/jcr_root to target/classes`);
  filevault(b, m, scripts * 4);
}

function contentPackageBody(b: LogBuilder, m: ModuleContext, kind: string, files: number): void {
  filevault(b, m, files + m.rng.int(0, files));
  if (kind === 'content' && m.rng.chance(0.4))
    b.line(
      `[WARNING] ValidationViolation: "jackrabbit-filter: Found root node /content/${m.project.slug} not covered by filter", filePath=META-INF/vault/filter.xml`,
    );
}

function allBody(b: LogBuilder, m: ModuleContext): void {
  const { project, artifactId } = m;
  plugin(b, 'filevault-package-maven-plugin:1.3.4', 'generate-metadata', 'default-generate-metadata', artifactId);
  const install = `/apps/${project.slug}-packages`;
  b.line(
    `[INFO] Embedding ${project.groupId}:${project.slug}.core:jar:${VERSION} -> ${install}/application/install/${project.slug}.core-${VERSION}.jar`,
  );
  for (const pkg of ['ui.apps', 'ui.config', 'ui.content']) {
    const kind = pkg === 'ui.content' ? 'content' : 'application';
    b.line(
      `[INFO] Embedding ${project.groupId}:${project.slug}.${pkg}:zip:${VERSION} -> ${install}/${kind}/install/${project.slug}.${pkg}-${VERSION}.zip`,
    );
  }
  b.line(
    `[INFO] Embedding com.adobe.cq:core.wcm.components.all:zip:2.23.4 -> ${install}/vendor-packages/application/install/core.wcm.components.all-2.23.4.zip`,
  );
  plugin(b, 'filevault-package-maven-plugin:1.3.4', 'package', 'default-package', artifactId);
  b.line(`[INFO] Packaging content package ${m.dir}/target/${artifactId}-${VERSION}.zip`, 3);
  plugin(b, 'aemanalyser-maven-plugin:1.5.8', 'project-analyse', 'aem-analyser', artifactId, 2);
  b.line(`[INFO] Using AEM SDK API version ${AEM_SDK_VERSION}`)
    .line('[INFO] Converting content packages to feature models...', 6)
    .line('[INFO] Running the AEM Analyser for author and publish...', 10);
  for (const task of [
    'bundle-packages',
    'bundle-unversioned-packages',
    'bundle-content',
    'bundle-resources',
    'requirements-capabilities',
    'content-packages-dependencies',
    'api-regions',
    'api-regions-check-order',
    'api-regions-crossfeature-dups',
    'repoinit',
    'configuration-api',
    'region-deprecated-api',
  ]) {
    b.line(`[INFO] Analysing with task ${task}`, 0.4);
  }
  b.line('[INFO] Analyser detected no errors.');
}

function itTestsBody(b: LogBuilder, m: ModuleContext): void {
  const { artifactId, dir, rng } = m;
  plugin(b, 'maven-compiler-plugin:3.11.0', 'compile', 'default-compile', artifactId);
  b.line('[INFO] No sources to compile');
  plugin(b, 'maven-compiler-plugin:3.11.0', 'testCompile', 'default-testCompile', artifactId);
  b.line(`[INFO] Compiling ${rng.int(3, 8)} source files with javac [debug release 11] to target/test-classes`, 4);
  plugin(b, 'maven-surefire-plugin:3.1.2', 'test', 'default-test', artifactId);
  b.line('[INFO] Tests are skipped.');
  plugin(b, 'maven-assembly-plugin:3.6.0', 'single', 'make-assembly', artifactId);
  b.line(`[INFO] Building jar: ${dir}/target/${artifactId}-${VERSION}-jar-with-dependencies.jar`, 3);
}

function dispatcherBody(b: LogBuilder, m: ModuleContext): void {
  plugin(b, 'maven-assembly-plugin:3.6.0', 'single', 'default', m.artifactId);
  b.line('[INFO] Reading assembly descriptor: assembly.xml').line(
    `[INFO] Building zip: ${m.dir}/target/${m.artifactId}.cloud-${VERSION}.zip`,
    1,
  );
}

function uiTestsBody(b: LogBuilder, m: ModuleContext): void {
  plugin(b, 'maven-assembly-plugin:3.6.0', 'single', 'default', m.artifactId);
  b.line('[INFO] Reading assembly descriptor: assembly-ui-test-docker-context.xml').line(
    `[INFO] Building tar: ${m.dir}/target/${m.artifactId}-${VERSION}-ui-test-docker-context.tar.gz`,
    2,
  );
}

function reactorSummary(b: LogBuilder, project: ProjectInfo, modules: Module[], ranCount: number, failure: Failure | undefined): void {
  b.line('[INFO] ------------------------------------------------------------------------', 0.5)
    .line(`[INFO] Reactor Summary for ${project.title} ${VERSION}:`)
    .line('[INFO] ');
  modules.forEach((m, index) => {
    const label = (status: string) => `${m.name} ${'.'.repeat(Math.max(2, 52 - m.name.length))} ${status}`;
    if (index >= ranCount) {
      b.line(`[INFO] ${label('SKIPPED')}`);
      return;
    }
    const failed = failure && index === ranCount - 1;
    b.line((c) => {
      const ms = c.mark(index + 1 < ranCount ? `module-${index + 1}` : 'end') - c.mark(`module-${index}`);
      const time = mavenDuration(ms);
      return `[INFO] ${label(failed ? 'FAILURE' : 'SUCCESS')} [${time.padStart(9)}]`;
    });
  });
  b.line('[INFO] ------------------------------------------------------------------------')
    .line(`[INFO] ${failure ? 'BUILD FAILURE' : 'BUILD SUCCESS'}`)
    .line('[INFO] ------------------------------------------------------------------------')
    .line((c) => `[INFO] Total time:  ${mavenDuration(c.now - c.mark('maven'))}`)
    .line((c) => `[INFO] Finished at: ${isoSeconds(c.now)}`)
    .line('[INFO] ------------------------------------------------------------------------');
}

function failureEpilogue(b: LogBuilder, project: ProjectInfo, failure: Failure, module: Module, ctx: ContentContext): void {
  const artifactId = `${project.slug}.${module.dir}`;
  const goal =
    failure.kind === 'compile'
      ? `org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project ${artifactId}: Compilation failure: Compilation failure: `
      : failure.kind === 'test'
        ? `org.apache.maven.plugins:maven-surefire-plugin:3.1.2:test (default-test) on project ${artifactId}: There are test failures.`
        : `project ${artifactId}: Could not resolve dependencies for project ${project.groupId}:${artifactId}:jar:${VERSION}: Could not transfer artifact com.adobe.aem:aem-sdk-api:jar:${AEM_SDK_VERSION} from/to central (https://repo.maven.apache.org/maven2): Connection reset`;
  b.line(`[ERROR] Failed to execute goal ${goal}`)
    .line('[ERROR] -> [Help 1]')
    .line('[ERROR] ')
    .line('[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.')
    .line('[ERROR] Re-run Maven using the -X switch to enable full debug logging.')
    .line('[ERROR] ')
    .line('[ERROR] For more information about the errors and possible solutions, please read the following articles:')
    .line(
      `[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/${failure.kind === 'dependency' ? 'DependencyResolutionException' : 'MojoFailureException'}`,
    )
    .line('[ERROR] ')
    .line('[ERROR] After correcting the problems, you can resume the build with the command')
    .line(`[ERROR]   mvn <args> -rf :${artifactId}`)
    .line(`Build ${ctx.step.sim.result === 'ERROR' ? 'error' : 'failed'}: Maven exited with code 1 (BUILD FAILURE).`);
}

function reusedBuildLog(ctx: ContentContext, project: ProjectInfo): LogBuilder {
  const source = ctx.step.sim.reusedArtifactsFrom as string;
  const b = new LogBuilder();
  const artifacts = [
    `${project.slug}.all-${VERSION}.zip`,
    `${project.slug}.dispatcher.cloud-${VERSION}.zip`,
    `${project.slug}.it.tests-${VERSION}-jar-with-dependencies.jar`,
    `${project.slug}.ui.tests-${VERSION}-ui-test-docker-context.tar.gz`,
  ];
  b.line((c) => `${isoSeconds(c.now)} Build started for execution ${ctx.execution.id} (pipeline ${ctx.pipeline.name})`, 0.5)
    .line(`Re-execution: reusing the build artifacts of execution ${source} (commit ${ctx.execution.sim.commitId}).`)
    .line('No Maven build is run: the artifacts of the production deployment being re-executed are deployed as they were.')
    .line(`Copying artifacts from execution ${source}...`, 2);
  for (const artifact of artifacts) b.line(`  copied ${artifact}`, 3);
  b.line(`Copied ${artifacts.length} artifacts from execution ${source}.`, 1).line(
    (c) => `${isoSeconds(c.now)} Build finished: reused artifacts from execution ${source}.`,
    0.5,
  );
  return b;
}
