import { BadRequestException, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { contractList, contractRef } from '../http/api-docs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRole } from '../auth/roles.decorator';
import { ImportJob, ImportsService } from './imports.service';

interface MultipartFile {
  file: NodeJS.ReadableStream & { truncated?: boolean };
  filename: string;
  fields: Record<string, { value?: unknown } | { value?: unknown }[] | undefined>;
}

const field = (f: MultipartFile, name: string): string | undefined => {
  const v = f.fields[name];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one?.value === 'string' ? one.value : undefined;
};

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
    const f = (await (req as unknown as { file(): Promise<MultipartFile | undefined> }).file().catch((e: Error) => {
      throw new BadRequestException(`body: a multipart/form-data upload with a file field is expected (${e.message})`);
    })) as MultipartFile | undefined;
    if (!f) throw new BadRequestException('file: missing');
    return this.imports.start({ file: f.file as never, fileName: f.filename, preset: field(f, 'preset'), mapping: field(f, 'mapping'), dryRun: field(f, 'dryRun'), format: field(f, 'format'), replaceSource: field(f, 'replaceSource'), handleTime: field(f, 'handleTime'), fieldNames: Object.keys(f.fields) });
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
