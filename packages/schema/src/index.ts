export type {
  Attachment, ContentItem, Expression, FieldCheck, FieldItem, FieldOption, FormDefinition, JsonObject, JsonSchema, JsonValue,
  LayoutItem, Locale, LocalizedText, OptionSource, RepeatItem, SectionItem, Step, Submission, Widget,
  MyDataDataset, MyDataFieldMapping, MyDataLock, MyDataMapping, MyDataRepeatMapping, MyDataSpec, MyDataTransform, MyDataTransformName,
} from './types.js';
export { FORMAT_VERSION } from './types.js';
export { MYDATA_DATASETS, myDataDataset, type MyDataDatasetInfo } from './mydata-datasets.js';
export { parseMyDataPath, MYDATA_PATH_LIMITS, type MyDataFilter, type MyDataPathResult, type MyDataPathSegment } from './mydata-path.js';
export { FormosaError } from './errors.js';
export { parseJsonSource, JsonSyntaxError, MAX_JSON_DEPTH, type JsonSource, type PositionIndex, type SourcePosition } from './json-source.js';
export { formatPointer, isIndexSegment, isWithin, parsePointer, patternOf, resolvePath } from './pointer.js';
export { OPERATORS, argumentsOf, operatorOf, varsOf, type OperatorSignature } from './expression.js';
export { KNOWN_FORMATS, type KnownFormat } from './formats.js';
export { forEachItem, fieldPattern, isField, isRepeat, isSection, optionSourceOf, optionsOf, type ItemContext } from './layout.js';
export { forEachText } from './texts.js';
export { computedGraph, type ComputedGraph, type ComputedNode } from './computed.js';
export { LIMITS, documentProblems, limitProblems } from './limits.js';
export { compilePattern, linearRegExp, PatternError, MAX_PATTERN_STATES, type LinearPattern } from './pattern.js';
export { dataSchemaProblems, DATA_SCHEMA_KEYWORDS } from './vocabulary.js';
export { subschemaAt, typesOf, isRequiredProperty, type SchemaNode } from './data-schema.js';
export { formatProblem, type Problem } from './problem.js';
export { forEachExpression, semanticProblems } from './semantic.js';
export { migrate, MIGRATIONS, type Migration } from './migrations.js';
export { loadDefinition, requireDefinition, DefinitionError, type LoadOptions, type LoadResult } from './loader.js';
