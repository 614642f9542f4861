/** The build image step log: the customer code layered onto the AEM release images. */
import { AEM_SDK_VERSION } from './logs-build';
import { LogBuilder, isFailure, isoSeconds, projectInfo } from './log-builder';
import { rngFor } from './rng';
import type { ContentContext, LogLine } from './types';

export function buildImageLog(ctx: ContentContext): LogLine[] {
  const rng = rngFor(ctx, 'image-log', ctx.step.id);
  const project = projectInfo(ctx);
  const b = new LogBuilder();
  const say = (text: string, weight = 0.3) => b.line((c) => `${isoSeconds(c.now)} ${text}`, weight);
  const registry = 'cloudmanager.azurecr.io';
  say(`Build image started for execution ${ctx.execution.id}`, 0.5);
  say(`AEM release: ${AEM_SDK_VERSION}`);
  say(`Customer artifacts: ${project.slug}.all-1.0.0-SNAPSHOT.zip, ${project.slug}.dispatcher.cloud-1.0.0-SNAPSHOT.zip`);
  for (const tier of ['author', 'publish']) {
    say(`--- ${tier} image ---`, 0.5);
    say(`Pulling base image ${registry}/aem-cs/aem-${tier}:${AEM_SDK_VERSION}`, 2);
    const layers = rng.int(5, 9);
    for (let i = 0; i < layers; i += 1) say(`${rng.hex(12)}: Pull complete`, rng.float(1, 4));
    say(`Digest: sha256:${rng.hex(64)}`);
    say('Converting content packages to feature models (sling-feature-cpconverter)', rng.float(5, 12));
    say(
      `Merging customer feature ${project.groupId}:${project.slug}.all:slingosgifeature:${tier}:1.0.0-SNAPSHOT with the product feature`,
      3,
    );
    say('Running the AEM analyser on the merged feature model', 6);
    say('Analyser detected no errors.');
    say(`Building the immutable repository (/apps, /libs) for ${tier}`, rng.float(10, 25));
    const steps = [
      'FROM aem-base',
      'COPY repository /opt/aem/repository',
      'COPY feature-model.json /opt/aem/launcher/',
      'COPY install/ /opt/aem/install/',
      'RUN /opt/aem/bin/prepare-image.sh',
      'LABEL com.adobe.aem.release=' + AEM_SDK_VERSION,
    ];
    steps.forEach((step, i) => {
      say(`Step ${i + 1}/${steps.length} : ${step}`, rng.float(1, 5));
      say(` ---> ${rng.hex(12)}`);
    });
    const tag = `${registry}/${ctx.program.id}/${project.slug}-${tier}:${ctx.execution.id}`;
    say(`Successfully built ${rng.hex(12)}`);
    say(`Successfully tagged ${tag}`);
    say(`Pushing ${tag}`, 2);
    const pushed = rng.int(3, 6);
    for (let i = 0; i < pushed; i += 1) say(`${rng.hex(12)}: Pushed`, rng.float(1, 3));
    say(`${ctx.execution.id}: digest: sha256:${rng.hex(64)} size: ${rng.int(2000, 9000)}`);
  }
  say('--- dispatcher image ---', 0.5);
  say(`Validating dispatcher configuration ${project.slug}.dispatcher.cloud-1.0.0-SNAPSHOT.zip`, 3);
  say('Phase 1: Dispatcher validator: no issues found', 1);
  say('Phase 2: httpd -t: Syntax OK', 1);
  say('Phase 3: immutable files unchanged', 1);
  if (isFailure(ctx)) {
    say('[ERROR] Image build failed: the release candidate image could not be pushed to the registry.', 1);
  } else {
    say('Image build finished successfully.', 0.5);
  }
  return b.build(ctx);
}
