import { BadRequestException, Controller, Get, HttpCode, HttpException, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { contractList, contractRef } from '../http/api-docs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRole } from '../auth/roles.decorator';
import { ImportJob, ImportsService } from './imports.service';

interface Part {
  type: 'file' | 'field';
  fieldname: string;
  value?: unknown;
  /** A field past the multipart field size limit (1 MB), cut short. */
  valueTruncated?: boolean;
  filename?: string;
  file?: NodeJS.ReadableStream & { truncated?: boolean; resume(): void };
}

/**
 * The upload read in order: its fields up to the file, the file (read by the import), and then
 * whatever follows it, read only once the file is (a field after the file is refused: the import
 * was set up without it).
 */
async function readUpload(req: FastifyRequest): Promise<{ fields: Record<string, string>; names: string[]; file: Part | null; rest: () => Promise<string[]> }> {
  const parts = (req as unknown as { parts(): AsyncIterable<Part> }).parts()[Symbol.asyncIterator]();
  const fields: Record<string, string> = {};
  const names: string[] = [];
  let file: Part | null = null;
  for (let n = await parts.next(); !n.done; n = await parts.next()) {
    if (n.value.type === 'file') {
      file = n.value;
      break;
    }
    // Cut at the field size limit, a mapping read as "not valid JSON (Unexpected end of JSON input)".
    if (n.value.valueTruncated) throw new BadRequestException(`${n.value.fieldname}: larger than the 1 MB a field may hold`);
    names.push(n.value.fieldname ?? '');
    fields[n.value.fieldname ?? ''] = typeof n.value.value === 'string' ? n.value.value : '';
  }
  const rest = async () => {
    const names: string[] = [];
    for (let n = await parts.next(); !n.done; n = await parts.next()) {
      names.push(n.value.fieldname ?? '');
      n.value.file?.resume();
    }
    return names;
  };
  return { fields, names, file, rest };
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Multipart upload: the fields (preset or mapping, dryRun, format) come before the file. */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The import, started in the background: poll GET /api/v1/imports/{id}', schema: contractRef('ImportJob') })
  @RequireRole('admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        preset: { type: 'string', enum: ['uci-incident', 'helpdesk-italian', 'kaggle-tickets'] },
        mapping: { type: 'string', description: 'a mapping as JSON (docs/IMPORT.md), instead of a preset' },
        dryRun: { type: 'string', enum: ['true', 'false'] },
        replaceSource: { type: 'string', enum: ['true', 'false'], description: 'a new version (changed mapping) may remove most of the source' },
        handleTime: { type: 'string', enum: ['unrecorded', 'elapsed'], description: 'elapsed: price elapsed time as handle time (an upper bound); default unrecorded' },
        format: { type: 'string', enum: ['csv', 'ndjson'] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async start(@Req() req: FastifyRequest): Promise<ImportJob> {
    const { fields: f, names, file, rest } = await readUpload(req).catch((e: Error) => {
      if (e instanceof HttpException) throw e;
      throw new BadRequestException(`body: a multipart/form-data upload with a file field is expected (${e.message})`);
    });
    if (!file?.file) throw new BadRequestException('file: missing');
    return this.imports.start({
      file: file.file as never,
      fileName: file.filename ?? '',
      preset: f.preset,
      mapping: f.mapping,
      dryRun: f.dryRun,
      format: f.format,
      replaceSource: f.replaceSource,
      handleTime: f.handleTime,
      fieldNames: [...names, file.fieldname],
      rest,
    });
  }

  @Get()
  @ApiOkResponse({ description: 'Imports since the server started, newest first', schema: contractList('ImportJob') })
  @RequireRole('admin')
  list(): ImportJob[] {
    return this.imports.list();
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One import: progress, then its report', schema: contractRef('ImportJob') })
  @RequireRole('admin')
  get(@Param('id', new ParseUUIDPipe()) id: string): ImportJob {
    return this.imports.get(id);
  }
}
