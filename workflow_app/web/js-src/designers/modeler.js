// The designers' modeler bundle (built by scripts/copy-assets.sh with esbuild into
// static/vendor/designers/modeler.bundle.js; not committed). It exposes one global:
//   window.DesignerModeler.create({container, propertiesParent, reference}) -> bpmn-js Modeler
// The page logic (loading, saving, validating, deploying, dry run) is in
// static/js/designers/modeler-page.js.
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';

import spiffDescriptor from './spiffworkflow.json';
import SpiffPropertiesProvider from './spiff-provider';
import translateVi from './translate-vi';

const SpiffPropertiesModule = {
  __init__: ['spiffPropertiesProvider'],
  spiffPropertiesProvider: ['type', SpiffPropertiesProvider],
};

const TranslateModule = { translate: ['value', translateVi] };

function create({ container, propertiesParent, reference }) {
  return new Modeler({
    container,
    propertiesPanel: { parent: propertiesParent },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, SpiffPropertiesModule, TranslateModule],
    moddleExtensions: { spiffworkflow: spiffDescriptor },
    designer: { reference },
  });
}

window.DesignerModeler = { create };
