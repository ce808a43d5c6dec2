// The agency's own script: registers every Formosa element, bundled with esbuild from node_modules.
import '@formosa/elements/define';
