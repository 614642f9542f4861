/**
 * Maven Central artifacts that a typical AEM project build downloads, and the
 * "Downloading from central" / "Downloaded from central" lines for them.
 */
import type { Rng } from './rng';

export const CENTRAL = 'https://repo.maven.apache.org/maven2';

export interface Artifact {
  groupPath: string;
  artifactId: string;
  version: string;
  pomOnly: boolean;
}

/** [group path, artifact ids, versions, pom only]: every artifact id in every version. */
const FAMILIES: [string, string, string, boolean?][] = [
  [
    'org/apache/maven',
    'maven-core maven-model maven-artifact maven-plugin-api maven-settings maven-settings-builder maven-model-builder maven-repository-metadata maven-builder-support maven-resolver-provider maven-compat',
    '3.0 3.1.0 3.2.5 3.3.9 3.5.4 3.6.3 3.8.6 3.9.4',
  ],
  [
    'org/apache/maven',
    'maven-project maven-profile maven-artifact-manager maven-plugin-registry maven-monitor maven-toolchain maven-error-diagnostics maven-plugin-descriptor maven-archiver',
    '2.0.6 2.0.9 2.2.1',
  ],
  ['org/apache/maven', 'maven maven-parent', '21 22 23 24 25 26 27 30 31 33 34 35 36 37 38 39 40', true],
  ['org/apache', 'apache', '9 10 11 13 14 15 16 17 18 19 21 23 24 25 26 27 29 30', true],
  ['org/apache/maven/plugins', 'maven-plugins', '22 23 24 25 26 27 28 30 31 32 33 34 35 36 37 39', true],
  [
    'org/apache/maven/plugins',
    'maven-resources-plugin maven-compiler-plugin maven-surefire-plugin maven-jar-plugin maven-install-plugin maven-deploy-plugin maven-clean-plugin maven-enforcer-plugin maven-assembly-plugin maven-dependency-plugin maven-failsafe-plugin maven-source-plugin maven-javadoc-plugin',
    '2.6 3.1.0 3.2.0 3.3.0 3.3.1 3.11.0',
  ],
  [
    'org/apache/maven/shared',
    'maven-shared-utils maven-filtering maven-shared-incremental maven-dependency-tree maven-common-artifact-filters maven-artifact-transfer maven-shared-components maven-invoker file-management maven-dependency-analyzer',
    '0.1 0.4 0.6 3.0.0 3.1.0 3.2.1 3.3.4 3.4.2',
  ],
  [
    'org/apache/maven/surefire',
    'surefire surefire-api surefire-booter surefire-providers surefire-junit-platform common-java5 surefire-logger-api surefire-extensions-api surefire-shared-utils maven-surefire-common',
    '2.22.2 3.0.0 3.1.2',
  ],
  [
    'org/codehaus/plexus',
    'plexus-utils',
    '1.1 1.4.1 1.5.5 1.5.8 2.0.4 2.0.5 3.0 3.0.8 3.0.15 3.0.20 3.0.24 3.1.0 3.2.1 3.3.0 3.4.1 3.4.2 3.5.0 3.5.1',
  ],
  [
    'org/codehaus/plexus',
    'plexus-interpolation plexus-component-annotations plexus-classworlds plexus-container-default plexus-archiver plexus-io plexus-compiler-api plexus-compiler-manager plexus-compiler-javac plexus-java plexus-i18n plexus-velocity plexus-resources',
    '1.0 1.5 1.7 2.0 2.2 2.6 3.4 4.2 4.8',
  ],
  [
    'org/codehaus/plexus',
    'plexus plexus-components plexus-containers plexus-compiler plexus-compilers',
    '1.0.4 1.0.11 2.0.2 2.0.7 3.3.1 5.1 6.5 8 10 13',
    true,
  ],
  ['org/apache/commons', 'commons-lang3', '3.4 3.5 3.8.1 3.11 3.12.0 3.13.0'],
  ['org/apache/commons', 'commons-compress', '1.19 1.20 1.21 1.23.0'],
  ['org/apache/commons', 'commons-text', '1.3 1.9 1.10.0'],
  ['org/apache/commons', 'commons-collections4', '4.1 4.2 4.4'],
  ['org/apache/commons', 'commons-math3', '3.6.1'],
  ['org/apache/commons', 'commons-exec', '1.3'],
  ['org/apache/commons', 'commons-parent', '22 25 28 32 34 39 42 47 48 50 52 54 56 58', true],
  ['commons-io', 'commons-io', '1.4 2.2 2.5 2.6 2.11.0 2.13.0'],
  ['commons-codec', 'commons-codec', '1.6 1.11 1.15 1.16.0'],
  ['commons-lang', 'commons-lang', '2.1 2.4 2.6'],
  ['org/eclipse/aether', 'aether-api aether-util aether-impl aether-spi', '0.9.0.M2 1.0.0.v20140518 1.1.0'],
  [
    'org/apache/maven/resolver',
    'maven-resolver-api maven-resolver-util maven-resolver-impl maven-resolver-spi maven-resolver-named-locks maven-resolver',
    '1.4.1 1.6.3 1.7.3 1.9.14',
  ],
  ['org/ow2/asm', 'asm asm-commons asm-tree asm-analysis asm-util', '7.2 9.2 9.5 9.6'],
  ['org/slf4j', 'slf4j-api slf4j-simple slf4j-parent jcl-over-slf4j', '1.7.5 1.7.25 1.7.36 2.0.7'],
  ['com/google/guava', 'guava guava-parent failureaccess', '1.0.1 30.1-jre 32.0.1-jre'],
  ['org/junit', 'junit-bom', '5.7.2 5.8.2 5.9.3 5.10.0', true],
  ['org/junit/jupiter', 'junit-jupiter junit-jupiter-api junit-jupiter-engine junit-jupiter-params', '5.8.2 5.9.3 5.10.0'],
  ['org/junit/platform', 'junit-platform-commons junit-platform-engine junit-platform-launcher', '1.8.2 1.9.3 1.10.0'],
  ['org/opentest4j', 'opentest4j', '1.2.0 1.3.0'],
  ['org/apiguardian', 'apiguardian-api', '1.1.2'],
  ['org/mockito', 'mockito-core mockito-junit-jupiter mockito-bom', '4.11.0 5.4.0'],
  ['net/bytebuddy', 'byte-buddy byte-buddy-agent byte-buddy-parent', '1.12.19 1.14.5'],
  ['org/objenesis', 'objenesis objenesis-parent', '3.2 3.3'],
  [
    'io/wcm',
    'io.wcm.testing.aem-mock.junit5 io.wcm.testing.aem-mock.core io.wcm.testing.osgi-mock.core io.wcm.testing.osgi-mock.junit5 io.wcm.testing.sling-mock.core io.wcm.testing.sling-mock.junit5 io.wcm.testing.jcr-mock io.wcm.testing.logging.mock',
    '5.3.0 5.4.0',
  ],
  [
    'org/apache/sling',
    'org.apache.sling.api org.apache.sling.models.api org.apache.sling.models.impl org.apache.sling.servlets.annotations org.apache.sling.testing.clients org.apache.sling.commons.osgi org.apache.sling.resourceresolver org.apache.sling.jcr.resource',
    '1.2.6 1.5.0 2.4.2 2.27.2 3.0.18',
  ],
  ['org/apache/sling', 'sling-parent sling-bundle-parent', '35 36 38 47 49 52', true],
  [
    'org/apache/sling',
    'org.apache.sling.feature org.apache.sling.feature.analyser org.apache.sling.feature.extension.apiregions org.apache.sling.feature.cpconverter org.apache.sling.feature.io',
    '1.3.0 1.6.4 2.0.0 1.3.2',
  ],
  ['com/adobe/aem', 'aem-sdk-api', '2026.11.23820.20261112T150126Z'],
  ['com/adobe/aem', 'aemanalyser-maven-plugin aemanalyser-core aem-project-archetype', '1.5.8 1.6.2 48'],
  [
    'com/adobe/cq',
    'core.wcm.components.core core.wcm.components.content core.wcm.components.config core.wcm.components.examples.ui.apps core.wcm.components.testing.aem-mock-plugin',
    '2.23.2 2.23.4',
  ],
  ['com/adobe/aem/uber-jar', 'aem-sdk-api-javadoc', '2026.11.23820.20261112T150126Z', true],
  [
    'org/apache/jackrabbit',
    'jackrabbit-jcr-commons jackrabbit-spi jackrabbit-spi-commons oak-jackrabbit-api oak-api jackrabbit-api',
    '1.8.0 2.20.10 2.21.19',
  ],
  ['org/apache/jackrabbit', 'filevault-package-maven-plugin', '1.3.2 1.3.4 1.3.6'],
  ['org/apache/jackrabbit/vault', 'org.apache.jackrabbit.vault vault-validation vault-cli vault-davex vault-sync', '3.6.8 3.7.0'],
  [
    'biz/aQute/bnd',
    'bnd-maven-plugin bnd-baseline-maven-plugin biz.aQute.bndlib biz.aQute.bnd.maven biz.aQute.bnd.util biz.aQute.bnd.annotation',
    '6.3.1 6.4.0 7.0.0',
  ],
  ['com/github/eirslett', 'frontend-maven-plugin frontend-plugin-core frontend-plugins', '1.12.1 1.15.0'],
  ['org/jacoco', 'jacoco-maven-plugin org.jacoco.agent org.jacoco.core org.jacoco.report org.jacoco.build', '0.8.8 0.8.10'],
  ['com/fasterxml/jackson/core', 'jackson-core jackson-databind jackson-annotations', '2.12.7 2.13.4 2.15.2'],
  ['com/fasterxml/jackson', 'jackson-base jackson-bom jackson-parent', '2.12 2.13 2.15', true],
  ['org/apache/httpcomponents', 'httpclient httpcore httpmime httpclient-osgi httpcore-osgi', '4.4.15 4.5.13 4.5.14'],
  [
    'org/apache/felix',
    'org.apache.felix.scr.annotations maven-bundle-plugin org.apache.felix.utils org.apache.felix.converter org.apache.felix.cm.json',
    '1.2.4 1.11.8 1.12.0 5.1.9',
  ],
  [
    'org/osgi',
    'org.osgi.annotation.versioning org.osgi.service.component.annotations org.osgi.service.metatype.annotations org.osgi.framework org.osgi.annotation.bundle org.osgi.util.function',
    '1.0.0 1.1.2 1.4.0 1.5.1 1.10.0',
  ],
  ['javax/annotation', 'javax.annotation-api', '1.2 1.3.2'],
  ['javax/inject', 'javax.inject', '1'],
  ['org/apache/velocity', 'velocity velocity-engine-core', '1.7 2.3'],
  ['org/apache/ant', 'ant ant-launcher ant-parent', '1.10.12 1.10.13'],
  ['org/iq80/snappy', 'snappy', '0.4'],
  ['org/tukaani', 'xz', '1.8 1.9'],
  ['com/thoughtworks/qdox', 'qdox', '2.0.1 2.0.3'],
  ['org/apache/xbean', 'xbean-reflect', '3.7'],
  ['org/sonatype/plexus', 'plexus-sec-dispatcher plexus-cipher', '1.3 1.4'],
  ['org/sonatype/sisu', 'sisu-inject-plexus sisu-inject-bean sisu-guice', '1.4.2 2.3.0 3.2.3'],
  ['org/eclipse/sisu', 'org.eclipse.sisu.plexus org.eclipse.sisu.inject sisu-plexus sisu-inject', '0.3.4 0.3.5 0.9.0.M2'],
  ['org/sonatype/oss', 'oss-parent', '5 7 9', true],
  ['org/codehaus/mojo', 'build-helper-maven-plugin mojo-parent', '3.4.0 50 74'],
  [
    'org/apache/sling',
    'htl-maven-plugin org.apache.sling.scripting.sightly.compiler org.apache.sling.scripting.sightly.compiler.java',
    '1.4.0 2.0.4-1.4.0 1.2.14-1.4.0',
  ],
  ['org/apache/sling', 'sling-maven-plugin', '2.4.2 3.0.2'],
  ['io/fabric8', 'docker-maven-plugin', '0.43.4'],
  ['org/hamcrest', 'hamcrest hamcrest-core hamcrest-library', '1.3 2.2'],
  ['xml-apis', 'xml-apis', '1.0.b2 1.4.01'],
  ['org/vafer', 'jdependency', '2.8.0'],
  ['com/google/code/findbugs', 'jsr305', '2.0.1 3.0.2'],
  ['com/google/errorprone', 'error_prone_annotations error_prone_parent', '2.11.0 2.18.0'],
  ['org/checkerframework', 'checker-qual', '3.12.0 3.33.0'],
];

/** Every artifact of the families above (a constant list, built when the module loads). */
const POOL: readonly Artifact[] = FAMILIES.flatMap(([groupPath, ids, versions, pomOnly]) =>
  ids
    .split(' ')
    .flatMap((artifactId) =>
      versions.split(' ').map((version) => ({ groupPath, artifactId, version, pomOnly: !!pomOnly || artifactId.endsWith('-parent') })),
    ),
);

export function artifactPool(): readonly Artifact[] {
  return POOL;
}

function size(rng: Rng, jar: boolean): string {
  const kb = jar ? rng.float(4, 2400) : rng.float(0.6, 24);
  return kb >= 1000 ? `${(kb / 1000).toFixed(1)} MB` : `${kb.toFixed(1)} kB`;
}

/** The 2 (pom) or 4 (pom + jar) lines for downloading `a`. */
export function downloadLines(a: Artifact, rng: Rng): string[] {
  const base = `${CENTRAL}/${a.groupPath}/${a.artifactId}/${a.version}/${a.artifactId}-${a.version}`;
  const out = [
    `[INFO] Downloading from central: ${base}.pom`,
    `[INFO] Downloaded from central: ${base}.pom (${size(rng, false)} at ${rng.int(40, 900)} kB/s)`,
  ];
  if (!a.pomOnly) {
    out.push(`[INFO] Downloading from central: ${base}.jar`);
    out.push(`[INFO] Downloaded from central: ${base}.jar (${size(rng, true)} at ${rng.int(300, 9000)} kB/s)`);
  }
  return out;
}
