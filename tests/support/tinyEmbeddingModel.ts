import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Writes a tiny sentence-embedding model directory in the layout of a Hugging Face ONNX export
 * (`onnx/model.onnx`, `tokenizer.json`, `tokenizer_config.json`, `config.json`), a few KB:
 * a BERT-style WordPiece tokenizer and an ONNX graph that is one embedding table (Gather), so
 * `last_hidden_state[b, s] = table[input_ids[b, s]]`. Words listed in one `concepts` entry get
 * the same vector, so notes sharing no word can still mean the same thing to the model.
 */
export function writeTinyEmbeddingModel(
  dir: string,
  concepts: readonly (readonly string[])[],
  options: {
    layout?: 'onnx-folder' | 'flat'
    /**
     * For benchmarks only: `layers` dense layers (`width` × `width`, tanh) after the table,
     * so running it costs about what a real model's forward pass costs.
     */
    compute?: { width: number; layers: number }
  } = {},
): void {
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]']
  const words = concepts.flat()
  const vocab = [...special, ...words]
  // One dimension per concept, one shared by the special tokens (pooled away by their mass).
  const dims = Math.max(concepts.length + 1, options.compute?.width ?? 0)
  const table = new Float32Array(vocab.length * dims)
  for (let s = 0; s < special.length; s++) table[s * dims + concepts.length] = 0.05
  let row = special.length
  for (const [c, concept] of concepts.entries()) {
    for (let w = 0; w < concept.length; w++, row++) table[row * dims + c] = 1
  }
  mkdirSync(dir, { recursive: true })
  const modelPath =
    options.layout === 'flat' ? path.join(dir, 'model.onnx') : path.join(dir, 'onnx', 'model.onnx')
  mkdirSync(path.dirname(modelPath), { recursive: true })
  writeFileSync(modelPath, embeddingBagModel(table, vocab.length, dims, options.compute?.layers))
  writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(wordPieceTokenizer(vocab)))
  writeFileSync(
    path.join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 64 }),
  )
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ model_type: 'bert', hidden_size: dims, max_position_embeddings: 64 }),
  )
}

function wordPieceTokenizer(vocab: readonly string[]) {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: vocab.slice(0, 4).map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: false,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  }
}

/**
 * ONNX ModelProto (opset 13): inputs `input_ids`, `attention_mask`, `token_type_ids` (int64
 * [batch, sequence], as a BERT export has them; the last two unused here), output
 * `last_hidden_state` (float [batch, sequence, dims]) = Gather(table, input_ids).
 */
function embeddingBagModel(
  table: Float32Array,
  rows: number,
  dims: number,
  layers = 0,
): Uint8Array {
  const INT64 = 7
  const FLOAT = 1
  const tensorType = (elemType: number, shape: (number | string)[]) =>
    message(
      1,
      concat(
        varintField(1, elemType),
        message(
          2,
          concat(
            ...shape.map((dim) =>
              message(1, typeof dim === 'number' ? varintField(1, dim) : stringField(2, dim)),
            ),
          ),
        ),
      ),
    )
  const valueInfo = (field: number, name: string, type: Uint8Array) =>
    message(field, concat(stringField(1, name), message(2, type)))
  const floats = (name: string, shape: number[], data: Float32Array) =>
    message(
      5,
      concat(
        ...shape.map((dim) => varintField(1, dim)),
        varintField(2, FLOAT),
        stringField(8, name),
        bytesField(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      ),
    )
  const node = (op: string, inputs: string[], output: string, ...attributes: Uint8Array[]) =>
    message(
      1,
      concat(
        ...inputs.map((input) => stringField(1, input)),
        stringField(2, output),
        stringField(3, output),
        stringField(4, op),
        ...attributes,
      ),
    )
  const hidden = (l: number) => (l === layers ? 'last_hidden_state' : `hidden${l}`)
  const nodes = [
    node(
      'Gather',
      ['embeddings', 'input_ids'],
      hidden(0),
      message(5, concat(stringField(1, 'axis'), varintField(3, 0), varintField(20, 2))),
    ),
  ]
  const initializers = [floats('embeddings', [rows, dims], table)]
  let seed = 1
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.04
  for (let l = 1; l <= layers; l++) {
    const weights = Float32Array.from({ length: dims * dims }, (_, i) =>
      i % (dims + 1) === 0 ? 0.5 + noise() : noise(),
    )
    initializers.push(floats(`dense${l}`, [dims, dims], weights))
    nodes.push(node('MatMul', [hidden(l - 1), `dense${l}`], `linear${l}`))
    nodes.push(node('Tanh', [`linear${l}`], hidden(l)))
  }
  const ids = tensorType(INT64, ['batch', 'sequence'])
  const graph = concat(
    ...nodes,
    stringField(2, 'tiny-embedding-bag'),
    ...initializers,
    valueInfo(11, 'input_ids', ids),
    valueInfo(11, 'attention_mask', ids),
    valueInfo(11, 'token_type_ids', ids),
    valueInfo(12, 'last_hidden_state', tensorType(FLOAT, ['batch', 'sequence', dims])),
  )
  return concat(
    varintField(1, 8),
    stringField(2, 'samskapa-tests'),
    message(7, graph),
    message(8, concat(stringField(1, ''), varintField(2, 13))),
  )
}

// Protocol buffers, just the wire format the model needs: varints and length-delimited fields.
function varint(value: number): number[] {
  const out: number[] = []
  let v = value
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}
function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field << 3), ...varint(value)])
}
function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint((field << 3) | 2), ...varint(bytes.length)]), bytes)
}
function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(text))
}
const message = bytesField
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
